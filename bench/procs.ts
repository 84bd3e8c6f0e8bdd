// The bench's child processes: servers, suite runs and compiled commands, each in its own process.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = new URL("../", import.meta.url).pathname;
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const SIZES = [1000, 10_000, 100_000].filter((n) => n <= Number(process.env.BENCH_MAX ?? 100_000));
export const children: ChildProcess[] = [];
process.on("exit", () => {
  for (const c of children) c.kill();
});

export function tsx(args: string[], node: string[] = [], env: Record<string, string> = {}): ChildProcess {
  const c = spawn(process.execPath, [...node, "--import", "tsx", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(c);
  return c;
}

export function line(c: ChildProcess, re: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buf = "";
    c.stdout?.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = re.exec(buf);
      if (m) resolve(m);
    });
    c.on("exit", () => reject(new Error(`child exited before printing ${re}`)));
  });
}

export async function server(
  kind: "bare" | "reader" | "emulator",
  env: Record<string, string> = {},
): Promise<{ url: string; proc: ChildProcess }> {
  const proc = tsx(["bench/server.ts", kind], [], env);
  const [, url] = await line(proc, /listening (\S+)/);
  return { url: url ?? "", proc };
}

export async function measure(
  args: string[],
  o: { liveHeap?: boolean } = {},
): Promise<{
  ms: number;
  maxRssMB: number;
  cpuUs: number;
  /** median and largest of the live-heap samples, when asked for */
  liveHeapMB: number;
  liveHeapMaxMB: number;
  exchanges: number;
  generated: number;
  code: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), "tim-bench-"));
  // liveHeap: the run samples its live heap after a full collection every second, which RSS alone
  // does not show; the collections cost CPU, so only the memory runs ask for it.
  const c = o.liveHeap
    ? tsx(["bench/measure.ts", ...args, "--report-dir", dir], ["--expose-gc"], { BENCH_LIVE_HEAP: "1" })
    : tsx(["bench/measure.ts", ...args, "--report-dir", dir]);
  const [json] = await line(c, /\{.*\}\n/);
  return JSON.parse(json ?? "{}");
}

/** The next line matching `re` that the process prints from now on. */
function nextLine(c: ChildProcess, re: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve) => {
    let buf = "";
    const on = (d: Buffer) => {
      buf += d.toString();
      const m = re.exec(buf);
      if (m) {
        c.stdout?.off("data", on);
        resolve(m);
      }
    };
    c.stdout?.on("data", on);
  });
}

export async function cpuUs(c: ChildProcess): Promise<number> {
  const answer = nextLine(c, /cpu (\d+)\n/);
  c.kill("SIGUSR2");
  return Number((await answer)[1]);
}

/** Wall time of a compiled command from spawn to exit, and the report it wrote. */
export function timeCompiled(args: string[]): Promise<{ ms: number; code: number; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "tim-bench-run-"));
  return new Promise((resolve) => {
    const t0 = performance.now();
    const c = spawn(process.execPath, [join(root, "dist/bin.js"), ...args, "--report-dir", dir], {
      cwd: root,
      stdio: "ignore",
    });
    children.push(c);
    c.on("exit", (code) => resolve({ ms: performance.now() - t0, code: code ?? -1, dir }));
  });
}
