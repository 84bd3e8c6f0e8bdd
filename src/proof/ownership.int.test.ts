import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { newUser, snapshot } from "../emulator/state.js";
import { closeAll, emulator } from "./support/targets.js";

afterEach(closeAll);

async function run(argv: string[]) {
  let err = "";
  const code = await main(
    [...argv, "--report-dir", mkdtempSync(join(tmpdir(), "tim-own-"))],
    {},
    {
      out: () => {},
      err: (s) => (err += s),
    },
  );
  return { code, err };
}

describe("the suite never deletes what it did not create (issue 21, item 2)", () => {
  it("a planted marker (tim_ct_pool holding tim-conformance-pool) does not cost tim_ct_u03 its groups", async () => {
    const emu = await emulator();
    const marker = newUser("tim_ct_pool");
    marker.groups.push("tim-conformance-pool");
    const bystander = newUser("tim_ct_u03");
    bystander.groups.push("family", "work");
    for (const u of [marker, bystander]) emu.state.users.set(u.id, u);
    const before = snapshot(emu.state);
    const r = await run(["--base-url", emu.url, "--case", "basic-add"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/TIM_ERR_CONFIG: .*tim_ct_u03 \(2 group\(s\)\).*--reset-pool/);
    expect(snapshot(emu.state)).toEqual(before);
  });

  it("leftovers on a pool account stop the next run too; --reset-pool clears them, and the run ends with the pool empty", async () => {
    const emu = await emulator();
    expect((await run(["--base-url", emu.url, "--case", "basic-add"])).code).toBe(0);
    // Accounts the suite imported, left empty: the next run verifies that and goes on.
    expect((await run(["--base-url", emu.url, "--case", "basic-add"])).code).toBe(0);
    emu.state.users.get("tim_ct_u05")?.groups.push("left by a killed run, or by someone");
    const stopped = await run(["--base-url", emu.url, "--case", "basic-add"]);
    expect([stopped.code, stopped.err]).toEqual([2, expect.stringMatching(/tim_ct_u05 \(1 group\(s\)\)/)]);
    expect(emu.state.users.get("tim_ct_u05")?.groups).toEqual(["left by a killed run, or by someone"]);
    expect((await run(["--base-url", emu.url, "--case", "basic-add", "--reset-pool"])).code).toBe(0);
    const after = snapshot(emu.state);
    for (const [id, u] of Object.entries(after)) expect([id, u.groups, u.friends]).toEqual([id, [], {}]);
  });
});
