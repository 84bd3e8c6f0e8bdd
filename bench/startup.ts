// Start-up, side by side: `node -e 0` against the compiled CLI, alternating A and B, so the ratio holds
// on a loaded machine. Run through `npm run bench` (it builds dist/ first).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../", import.meta.url).pathname;

export interface Spread {
  median: number;
  min: number;
  max: number;
}
export interface StartupResult {
  rounds: number;
  loadavg: number[];
  nodeBare: Spread;
  toFirstRequest: Spread;
  emulatorListening: Spread;
}

export const spread = (xs: number[]): Spread => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { median, min: s[0] ?? 0, max: s[s.length - 1] ?? 0 };
};

function timeUntil(args: string[], ready: (out: string) => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const c = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(performance.now() - t0);
      c.kill("SIGKILL");
    };
    c.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (ready(out)) finish();
    });
    c.on("exit", () =>
      args[0] === "-e" ? finish() : done || reject(new Error(`${args.join(" ")} exited early`)),
    );
  });
}

/** From the command to the first request the suite sends, against a bare server in this process. */
async function toFirstRequest(url: string, first: { at: number }): Promise<number> {
  first.at = 0;
  const t0 = performance.now();
  const c = spawn(
    process.execPath,
    [
      "dist/bin.js",
      "run",
      "--base-url",
      url,
      "--case",
      "basic-add",
      "--report-dir",
      mkdtempSync(join(tmpdir(), "tim-st-")),
    ],
    { cwd: root, stdio: "ignore" },
  );
  while (!first.at) await new Promise((r) => setTimeout(r, 1));
  c.kill("SIGKILL");
  return first.at - t0;
}

export async function measureStartup(rounds = 7): Promise<StartupResult> {
  const first = { at: 0 };
  const server = createServer((req, res) => {
    if (!first.at) first.at = performance.now();
    req.resume();
    res
      .writeHead(200, { "content-type": "application/json" })
      .end('{"ActionStatus":"FAIL","ErrorCode":60009,"ErrorInfo":"x"}');
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const a: number[] = [];
  const b: number[] = [];
  const e: number[] = [];
  for (let k = 0; k < rounds; k++) {
    a.push(await timeUntil(["-e", "0"], () => false));
    b.push(await toFirstRequest(url, first));
    e.push(await timeUntil(["dist/bin.js", "emulator", "--port", "0"], (out) => out.includes("listening")));
  }
  server.close();
  return {
    rounds,
    loadavg: loadavg(),
    nodeBare: spread(a),
    toFirstRequest: spread(b),
    emulatorListening: spread(e),
  };
}
