import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RULES } from "../core/rules/catalogue.js";
import { main } from "./main.js";

async function cli(argv: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "tim-cli-"));
  let out = "";
  let err = "";
  const code = await main([...argv, "--report-dir", dir], env, {
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  return { code, out, err, dir };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});
async function listen(handler: RequestListener = () => {}): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

describe("npm run conformance", () => {
  it("exits 0 on the embedded emulator and writes the three reports", async () => {
    const r = await cli([]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^CONFORMANT: 38 pass, 0 fail/m);
    for (const f of ["conformance.md", "conformance.json", "junit.xml"])
      expect(existsSync(join(r.dir, f))).toBe(true);
    const json = JSON.parse(readFileSync(join(r.dir, "conformance.json"), "utf8"));
    expect(json.version).toBe(1);
    expect(json.exitCode).toBe(0);
    expect(json.rules).toHaveLength(RULES.length);
    const junit = readFileSync(join(r.dir, "junit.xml"), "utf8");
    expect(junit).toMatch(/<testsuites name="tim group_add conformance" tests="\d+" failures="0" errors="0"/);
  });

  it("exits 1 against a faulty emulator, naming the broken rule in the output and every report", async () => {
    const r = await cli(["--emulator-fault", "cap-ignores-existing"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL MUST group-cap-32: /m);
    const md = readFileSync(join(r.dir, "conformance.md"), "utf8");
    expect(md).toContain("### ❌ `group-cap-32` (MUST): ");
    expect(md).toContain("- **What happened** (case `group-cap`): ");
    expect(md).toContain("npx tim-conformance --emulator-fault cap-ignores-existing --case group-cap --seed");
    expect(readFileSync(join(r.dir, "junit.xml"), "utf8")).toMatch(
      /<testcase classname="MUST.group-cap-32" name="group-cap-32 \[group-cap\]" time="[\d.]+"><failure type="MUST"/,
    );
    const rule = JSON.parse(readFileSync(join(r.dir, "conformance.json"), "utf8")).rules.find(
      (x: { id: string }) => x.id === "group-cap-32",
    );
    expect(rule.verdict).toBe("fail");
    expect(rule.cases[0].evidence[0].exchange.request.url).toContain("usersig=[REDACTED]");
  });

  it("exits 0 with a warning when only a SHOULD rule is broken", async () => {
    const r = await cli(["--emulator-fault", "name-limit-in-chars"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^WARN SHOULD name-bytes-not-chars: /m);
  });

  const configErrors: Array<[string, string[], Record<string, string>, RegExp]> = [
    [
      "a non-numeric sdkappid",
      [],
      {
        TIM_BASE_URL: "http://127.0.0.1:1",
        TIM_SDKAPPID: "abc",
        TIM_SECRET_KEY: "k",
        TIM_IDENTIFIER: "admin",
      },
      /TIM_SDKAPPID: must be a whole number/,
    ],
    [
      "an unknown region",
      ["--region", "mars"],
      {},
      /TIM_REGION: unknown region "mars"; one of: china, singapore/,
    ],
    [
      "both a base URL and a region",
      ["--region", "china", "--base-url", "http://x"],
      {},
      /set only one of them/,
    ],
    ["a region without credentials", ["--region", "singapore"], {}, /a live region needs TIM_SDKAPPID/],
    [
      "a base URL that is not a URL",
      ["--base-url", "not a url"],
      {},
      /TIM_BASE_URL: "not a url" is not an http\(s\) URL/,
    ],
    [
      "credentials without a key or usersig",
      [],
      { TIM_BASE_URL: "http://127.0.0.1:1", TIM_SDKAPPID: "1400000001", TIM_IDENTIFIER: "admin" },
      /TIM_SECRET_KEY: set the app's secret key/,
    ],
    ["a bad timeout", ["--timeout-ms", "soon"], {}, /TIM_TIMEOUT_MS: must be a whole number/],
    ["an unknown fault", ["--emulator-fault", "nope"], {}, /unknown fault "nope"/],
    ["an unknown case", ["--case", "nope"], {}, /--case: unknown case "nope"/],
    ["an unknown flag", ["--frobnicate"], {}, /unknown option --frobnicate; see --help/],
    [
      "a fault with a remote target",
      ["--base-url", "http://127.0.0.1:1", "--emulator-fault", "sequence-static"],
      {},
      /only apply to the embedded emulator/,
    ],
  ];
  it.each(configErrors)("exits 2 with one line for %s", async (_what, argv, env, message) => {
    const r = await cli(argv, env);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^error: TIM_ERR_CONFIG: /);
  });

  it("exits 2 when the report folder cannot be written", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tim-cli-")), "a-file");
    writeFileSync(file, "");
    let err = "";
    const code = await main(
      ["--report-dir", join(file, "sub")],
      {},
      { out: () => {}, err: (s) => (err += s) },
    );
    expect(code).toBe(2);
    expect(err).toMatch(/^error: TIM_ERR_CONFIG: TIM_REPORT_DIR: cannot write to/);
  });

  it("exits 3 with a clear message when the target refuses connections", async () => {
    const url = await listen();
    await new Promise((r) => servers.pop()?.close(r));
    const r = await cli(["--base-url", url]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /error: TIM_ERR_UNREACHABLE: could not prepare the suite's accounts: account_check: cannot connect \(ECONNREFUSED\)/,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("exits 3 within the timeout when the target never answers", async () => {
    const url = await listen(() => {});
    const t0 = Date.now();
    const r = await cli(["--base-url", url, "--timeout-ms", "300", "--backoff-ms", "20"]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/TIM_ERR_TIMEOUT/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("never writes or prints the secret key or a UserSig, on passing and failing runs", async () => {
    const SECRET = "s3cr3t-key-for-the-leak-search-0123456789";
    const env = { TIM_SECRET_KEY: SECRET, TIM_SDKAPPID: "1400012345", TIM_IDENTIFIER: "boss" };
    for (const argv of [
      [],
      ["--emulator-fault", "result-info-ok"],
      ["--emulator-fault", "malformed-json-crash"],
    ]) {
      const r = await cli(argv, env);
      const written = readdirSync(r.dir).map((f) => readFileSync(join(r.dir, f), "utf8"));
      for (const text of [r.out, r.err, ...written]) {
        expect(text).not.toContain(SECRET);
        // TLSSigAPIv2 signatures are zlib streams in base64: they start "eJ".
        expect(text).not.toMatch(/eJ[A-Za-z0-9*_-]{40,}/);
      }
    }
  });
});
