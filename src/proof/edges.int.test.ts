import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emulatorMain } from "../cli/emulator-main.js";
import { main } from "../cli/main.js";
import { matrixMain } from "../cli/matrix-main.js";
import { makeCertificates } from "../emulator/tls.js";

type Command = typeof main;

async function run(argv: string[], command: Command = main) {
  let out = "";
  let err = "";
  const ac = new AbortController();
  // A command that starts a server by mistake is stopped, never left listening.
  const stop = setTimeout(() => ac.abort("SIGTERM"), 5_000);
  const code = await command(argv, {}, { out: (s) => (out += s), err: (s) => (err += s), signal: ac.signal });
  clearTimeout(stop);
  return { code, out, err };
}

const file = (name: string, text: string): string => {
  const p = join(mkdtempSync(join(tmpdir(), "tim-edge-")), name);
  writeFileSync(p, text);
  return p;
};

describe("smaller holes (issue 21, item 10)", () => {
  it.each([
    ["--runs", "-5"],
    ["--seed", "-1"],
    ["--timeout-ms", "-300"],
  ])("a negative number (%s %s) is one line naming the setting, exit 2", async (flag, value) => {
    const r = await run([flag, value]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^error: TIM_ERR_CONFIG: (TIM_[A-Z_]+|--[a-z-]+): /);
    expect(r.err).not.toMatch(/ambiguous/);
  });

  it("--path without --seed (and --part or --replay-path without --path) is refused, not ignored", async () => {
    const p = await run(["--case", "property-valid", "--path", "1:2"]);
    expect([p.code, p.err]).toEqual([2, expect.stringMatching(/TIM_PATH: .*--seed/)]);
    const k = await run(["--case", "property-valid", "--part", "2"]);
    expect([k.code, k.err]).toEqual([2, expect.stringMatching(/TIM_PART: .*--path/)]);
  });

  it("matrix refuses two targets of one name", async () => {
    const r = await run(
      ["--target", "a=emulator", "--target", "a=emulator:fault=cap-off-by-one"],
      matrixMain,
    );
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/"a" is given twice/)]);
  });

  it("an empty, junk or mismatched --cert/--key is exit 2 naming the files, not blamed on the port", async () => {
    const a = makeCertificates(["localhost"]);
    const b = makeCertificates(["localhost"]);
    const cases: Array<[string, string, string, RegExp]> = [
      ["empty", file("c.pem", ""), file("k.pem", ""), /--cert: .*no PEM certificate/],
      ["junk", file("c.pem", "hello"), file("k.pem", "world"), /--cert: .*no PEM certificate/],
      [
        "a key but no certificate",
        file("c.pem", a.keyPem),
        file("k.pem", a.keyPem),
        /--cert: .*no PEM certificate/,
      ],
      [
        "a certificate with another's key",
        file("c.pem", a.certPem),
        file("k.pem", b.keyPem),
        /--cert\/--key: .*not a usable certificate and key/,
      ],
      [
        "a truncated certificate",
        file("c.pem", a.certPem.slice(0, 200)),
        file("k.pem", a.keyPem),
        /--cert\/--key: .*not a usable/,
      ],
    ];
    for (const [what, cert, key, says] of cases) {
      const r = await run(["--port", "0", "--tls", "--cert", cert, "--key", key], emulatorMain);
      expect([what, r.code, r.err]).toEqual([what, 2, expect.stringMatching(says)]);
      expect(r.err).not.toMatch(/--port|--host/);
    }
  });
});
