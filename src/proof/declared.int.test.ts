import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import type { Fault } from "../emulator/faults/fault.js";
import { faultById } from "../emulator/faults/index.js";
import { type RunningEmulator, startEmulator } from "../emulator/server.js";
import { newUser } from "../emulator/state.js";

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

/** A server that implements group_add only: the emulator behind a door that refuses everything else (60009). */
async function groupAddOnly(faults: Fault[] = []): Promise<string> {
  const emu: RunningEmulator = await startEmulator({
    config: { ...EMULATOR_DEFAULTS, now: () => Math.floor(Date.now() / 1000) },
    faults,
  });
  for (const id of ["owner1", "owner2", "pal1", "pal2", "stranger1"]) emu.state.users.set(id, newUser(id));
  for (const owner of ["owner1", "owner2"])
    for (const pal of ["pal1", "pal2"]) emu.state.users.get(owner)?.friends.set(pal, new Set());
  const door: Server = createServer((req, res) => {
    if (!req.url?.startsWith("/v4/sns/group_add")) {
      req.resume();
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          ActionStatus: "FAIL",
          ErrorCode: 60009,
          ErrorInfo: "unknown resource",
          ErrorDisplay: "",
        }),
      );
      return;
    }
    req.pipe(
      httpRequest(`${emu.url}${req.url}`, { method: "POST", headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      }),
    );
  });
  await new Promise<void>((r) => door.listen(0, "127.0.0.1", r));
  open.push(emu, { close: () => new Promise((r) => door.close(() => r())) });
  return `http://127.0.0.1:${(door.address() as AddressInfo).port}`;
}

async function judge(url: string) {
  const dir = mkdtempSync(join(tmpdir(), "tim-declared-"));
  const fixtures = join(dir, "fixtures.json");
  writeFileSync(
    fixtures,
    JSON.stringify({
      users: ["owner1", "owner2"],
      friends: ["pal1", "pal2"],
      nonFriends: ["stranger1"],
      unknown: ["nobody1"],
    }),
  );
  let out = "";
  const code = await main(
    ["--base-url", url, "--fixtures", fixtures, "--report-dir", dir, "--rate", "0"],
    {},
    { out: (s) => (out += s), err: () => {} },
  );
  return {
    code,
    out,
    json: JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")),
    md: readFileSync(join(dir, "conformance.md"), "utf8"),
  };
}

describe("declared fixtures: a target that implements group_add only", () => {
  it("is judged on every rule that needs no fixture endpoint; the others are skipped with the reason", async () => {
    const r = await judge(await groupAddOnly());
    expect(r.code).toBe(0);
    const verdict = (id: string) => r.json.rules.find((x: { id: string }) => x.id === id)?.verdict;
    for (const id of [
      "http-200",
      "envelope-json",
      "envelope-status-code",
      "required-fields",
      "field-types",
      "malformed-body-rejected",
      "unknown-from-account",
      "name-empty-rejected",
      "auth-sdkappid",
      "auth-usersig",
      "auth-admin-only",
    ]) {
      expect([id, verdict(id)]).toEqual([id, "pass"]);
    }
    // The baseline's valid group_add, with the declared friends, non-friends and unknown ids, is judged item by item.
    for (const id of ["valid-request-accepted", "group-add-places-friends", "not-friend-fails-item"])
      expect([id, verdict(id)]).toEqual([id, "pass"]);
    for (const id of ["group-cap-32", "failed-call-no-change"])
      expect([id, verdict(id)]).toEqual([id, "not-judged"]);
    expect(r.md).toMatch(
      /`group-cap-32` in `group-cap`: needs account, friendship or group_get\/group_delete calls; the target was declared group_add-only/,
    );
    expect(r.md).toMatch(
      /`failed-call-no-change` in `auth`: needs group_get, which the target does not implement/,
    );
    expect(r.out).toMatch(/^CONFORMANT: \d+ pass, 0 fail, 0 warn, \d+ observed, 0 error, \d+ not judged/m);
  });

  it("still fails on a group_add that breaks a rule", async () => {
    const r = await judge(await groupAddOnly([faultById("required-not-checked") as Fault]));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL MUST required-fields: /m);
  });

  it("refuses a malformed fixtures file with one line (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tim-declared-"));
    writeFileSync(join(dir, "f.json"), JSON.stringify({ users: [], unknown: ["nobody"] }));
    let err = "";
    const code = await main(
      ["--base-url", "http://127.0.0.1:1", "--fixtures", join(dir, "f.json")],
      {},
      { out: () => {}, err: (s) => (err += s) },
    );
    expect(code).toBe(2);
    expect(err).toMatch(
      /^error: TIM_ERR_CONFIG: TIM_FIXTURES: .*f\.json is not a valid fixtures file: \/users must NOT have fewer than 1 items/,
    );
  });
});
