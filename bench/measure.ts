// Runs the suite once in this process and prints what it cost: wall time, peak RSS, exchanges.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { main as Main } from "../src/cli/main.js";

// The compiled CLI, as shipped (npm run bench builds it first): run from the sources through tsx,
// the transpiling of every module loaded during the run counted as the suite's CPU.
const compiled = "../dist/cli/main.js";
const { main } = (await import(compiled)) as { main: typeof Main };

const args = process.argv.slice(2);
const dir = args[args.indexOf("--report-dir") + 1] ?? "";
// What the run keeps alive, sampled after a full collection every second: RSS also counts garbage
// the collector has not needed to reclaim yet.
const gc = process.env.BENCH_LIVE_HEAP ? (globalThis as { gc?: () => void }).gc : undefined;
const live: number[] = [];
const sampler = setInterval(() => {
  if (!gc) return;
  gc();
  live.push(process.memoryUsage().heapUsed / 1e6);
}, 1000);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const code = await main(args, {}, { out: () => {}, err: () => {} });
clearInterval(sampler);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8"));
const generated = Math.max(0, ...report.rules.map((r: { generatedCases: number }) => r.generatedCases));
process.stdout.write(
  `${JSON.stringify({ code, ms, maxRssMB: process.resourceUsage().maxRSS / 1024, liveHeapMB: live.sort((a, b) => a - b)[live.length >> 1] ?? 0, liveHeapMaxMB: live.at(-1) ?? 0, cpuUs: cpu.user + cpu.system, exchanges: report.run.exchanges, generated })}\n`,
);
