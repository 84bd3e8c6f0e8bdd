import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../api/emulator.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { appTraffic } from "./support/observe-traffic.js";

// Issue 23: `tim-conformance observe` as a user runs it: one process in front of an upstream, its
// URL in a ready file, reports on GET /__observe/report, on a signal and at the end of --duration,
// and the exit code of the verdict over what passed.
const root = fileURLToPath(new URL("../../", import.meta.url));
const children: ChildProcess[] = [];
const emulators: Emulator[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  for (const e of emulators.splice(0)) await e.close();
});

const ENV = {
  ...process.env,
  TIM_SDKAPPID: String(EMULATOR_DEFAULTS.sdkappid),
  TIM_IDENTIFIER: EMULATOR_DEFAULTS.identifier,
  TIM_SECRET_KEY: EMULATOR_DEFAULTS.secretKey,
};

/** Starts the compiled command; resolves with its URL once the ready file holds it. */
async function observe(args: string[]): Promise<{
  url: string;
  dir: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  out: () => string;
}> {
  const dir = mkdtempSync(join(tmpdir(), "tim-observe-cli-"));
  const ready = join(dir, "url");
  let out = "";
  const child = spawn(
    process.execPath,
    [
      "dist/bin.js",
      "observe",
      "--port",
      "0",
      "--ready-file",
      ready,
      "--report-dir",
      join(dir, "reports"),
      ...args,
    ],
    {
      cwd: root,
      env: ENV,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
  for (let k = 0; k < 400 && !(existsSync(ready) && readFileSync(ready, "utf8").endsWith("\n")); k++)
    await new Promise((r) => setTimeout(r, 25));
  return { url: readFileSync(ready, "utf8").trim(), dir, child, exited, out: () => out };
}

/** GET with a chosen Host header (fetch will not send a foreign one). */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: host ? { host } : {} }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function emulator(faults: string[] = []): Promise<Emulator> {
  const e = await startEmulator({ faults });
  emulators.push(e);
  return e;
}

describe("tim-conformance observe", () => {
  it("serves the report on GET /__observe/report to loopback only, and on SIGTERM writes the reports and exits with the verdict (0)", async () => {
    const emu = await emulator();
    const o = await observe(["--upstream", emu.url]);
    expect(o.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await appTraffic([o.url], false);
    const live = await get(`${o.url}/__observe/report`);
    expect(live.status).toBe(200);
    expect(JSON.parse(live.body)).toMatchObject({ verdict: "CONFORMANT", exitCode: 0 });
    expect(readdirSync(join(o.dir, "reports")).sort()).toEqual([
      "conformance.html",
      "conformance.json",
      "conformance.md",
      "junit.xml",
    ]);
    // A web page reaching the loopback port through DNS rebinding gets nothing.
    expect((await get(`${o.url}/__observe/report`, "evil.example:80")).status).toBe(403);
    expect((await get(`${o.url}/__observe/other`)).status).toBe(404);
    o.child.kill("SIGTERM");
    expect(await o.exited).toBe(0);
    expect(o.out()).toMatch(/CONFORMANT: \d+ pass/);
    const md = readFileSync(join(o.dir, "reports", "conformance.md"), "utf8");
    expect(md).toMatch(/✅ CONFORMANT/);
    expect(md).toMatch(/observed \d+ exchange\(s\) between clients and http:\/\/127\.0\.0\.1:\d+/);
  });

  it("exits 1 on SIGINT when the upstream broke a MUST rule, telling the violation as it happened", async () => {
    const emu = await emulator(["fail-account-missing"]);
    const o = await observe(["--upstream", emu.url]);
    await appTraffic([o.url], false);
    o.child.kill("SIGINT");
    expect(await o.exited).toBe(1);
    expect(o.out()).toMatch(/✗ MUST fail-account-matches \(#\d+ group_add\)/);
    const junit = readFileSync(join(o.dir, "reports", "junit.xml"), "utf8");
    expect(junit).toMatch(
      /<testcase classname="MUST\.fail-account-matches" name="fail-account-matches \[observed traffic\]"[^>]*><failure/,
    );
  });

  it("stops by itself after --duration, NOT JUDGED (3) when nothing passed", async () => {
    const emu = await emulator();
    const o = await observe(["--upstream", emu.url, "--duration", "1"]);
    expect(await o.exited).toBe(3);
    expect(o.out()).toMatch(/not judged: no group_add answer came back through the observer/);
  });

  it.each([
    [[], /--upstream: give the upstream's URL/],
    [["--upstream", "http://127.0.0.1:1", "--region", "singapore"], /give one of them, not both/],
    [["--region", "atlantis"], /--region: must be one of/],
    [["--upstream", "ftp://x"], /is not an http\(s\) URL/],
  ])("refuses bad settings with exit 2: %j", async (args, message) => {
    const child = spawn(process.execPath, ["dist/bin.js", "observe", ...args], {
      cwd: root,
      env: ENV,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    expect(await new Promise((r) => child.on("exit", r))).toBe(2);
    expect(err).toMatch(message);
  });
});
