// `npm run bench`: speed and memory side by side in one run, so ratios hold on a noisy machine.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { SLICES } from "../src/config/shards.js";
import { externalRounds } from "./external.js";
import { importUsers, type LoadResult, load } from "./load.js";
import { observeRounds } from "./observe.js";
import { children, cpuUs, line, measure, root, SECONDS, SIZES, server } from "./procs.js";
import { profileJudge } from "./profile.js";
import { renderBench } from "./report.js";
import { defaultRunRounds, suiteRounds } from "./rounds.js";
import { measureStartup, spread } from "./startup.js";

/** One load against a server process, with the server's CPU time per request. */
async function measured(proc: ChildProcess, url: string): Promise<LoadResult & { cpuUsPerRequest: number }> {
  const before = await cpuUs(proc);
  const r = await load(url, 16, SECONDS);
  const after = await cpuUs(proc);
  return { ...r, cpuUsPerRequest: (after - before) / Math.max(1, r.rps * SECONDS) };
}

/**
 * Bare server and emulator, alternating A B A B for `rounds` rounds with the same request and the
 * same 16 connections, so a loaded machine moves both alike; the emulator starts fresh each round
 * (its groups fill up), the bare server has no state to reset.
 */
async function alternateThroughput(rounds: number) {
  const bareSrv = await server("bare");
  const rows: Array<{
    bare: LoadResult & { cpuUsPerRequest: number };
    emulator: LoadResult & { cpuUsPerRequest: number };
  }> = [];
  for (let k = 0; k < rounds; k++) {
    const bareRun = await measured(bareSrv.proc, bareSrv.url);
    const emu = await server("emulator");
    await importUsers(emu.url);
    const emulatorRun = await measured(emu.proc, emu.url);
    emu.proc.kill();
    rows.push({ bare: bareRun, emulator: emulatorRun });
    process.stderr.write(
      `round ${k + 1}: bare ${bareRun.rps.toFixed(0)}/s, emulator ${emulatorRun.rps.toFixed(0)}/s\n`,
    );
  }
  bareSrv.proc.kill();
  return {
    rounds,
    loadavg: loadavg(),
    bareRps: spread(rows.map((r) => r.bare.rps)),
    emulatorRps: spread(rows.map((r) => r.emulator.rps)),
    ratio: spread(rows.map((r) => r.emulator.rps / r.bare.rps)),
    bareCpuUs: spread(rows.map((r) => r.bare.cpuUsPerRequest)),
    emulatorCpuUs: spread(rows.map((r) => r.emulator.cpuUsPerRequest)),
    cpuRatio: spread(rows.map((r) => r.emulator.cpuUsPerRequest / r.bare.cpuUsPerRequest)),
    lastBare: rows.at(-1)?.bare as LoadResult,
    lastEmulator: rows.at(-1)?.emulator as LoadResult,
  };
}

async function emulatorLoad(connections: number): Promise<LoadResult> {
  const emu = await server("emulator");
  await importUsers(emu.url);
  const r = await load(emu.url, connections, SECONDS);
  emu.proc.kill();
  return r;
}

async function prismLoad(connections: number): Promise<LoadResult | { error: string }> {
  const emu = await server("emulator");
  await importUsers(emu.url);
  // Tencent's own description of group_add (specs/tencent-openapi), tabs replaced as its README asks.
  const spec = join(mkdtempSync(join(tmpdir(), "tim-prism-")), "openapi.yaml");
  writeFileSync(
    spec,
    readFileSync(join(root, "specs/tencent-openapi/openapi.yaml"), "utf8").replace(/\t/g, "  "),
  );
  const port = 20000 + Math.floor(Math.random() * 20000);
  const prism = spawn(
    join(root, "node_modules/.bin/prism"),
    ["proxy", spec, emu.url, "--errors", "-p", String(port), "-h", "127.0.0.1"],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(prism);
  try {
    await Promise.race([
      line(prism, /listening/i),
      new Promise((_, no) => setTimeout(() => no(new Error("prism did not start in 60 s")), 60_000)),
    ]);
    return await load(`http://127.0.0.1:${port}`, connections, SECONDS);
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    prism.kill();
    emu.proc.kill();
  }
}

const machine = {
  cpu: cpus()[0]?.model ?? "?",
  cores: cpus().length,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
process.stderr.write(`bench on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}\n`);
const throughput = await alternateThroughput(Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5)));
const external = await externalRounds(Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3)));
const bare = throughput.lastBare;
const emulator16 = throughput.lastEmulator;
const emulator1 = await emulatorLoad(1);
process.stderr.write(
  `raw: bare ${bare.rps.toFixed(0)}/s, emulator ${emulator16.rps.toFixed(0)}/s (16 connections), ${emulator1.rps.toFixed(0)}/s (1)\n`,
);
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5));
const lanes = Math.min(cpus().length, SLICES);
const suite = await suiteRounds(ROUNDS, lanes);
const defaultRun = await defaultRunRounds(ROUNDS);
const breakdown = await profileJudge();
const scaling = [];
for (const n of SIZES) {
  const m = await measure(["--case", "property-valid", "--runs", String(n)], { liveHeap: true });
  scaling.push({ cases: n, ...m });
  process.stderr.write(
    `scaling: ${n} cases in ${(m.ms / 1000).toFixed(1)} s, peak RSS ${m.maxRssMB.toFixed(0)} MB\n`,
  );
}
const start = await measureStartup(Number(process.env.BENCH_ROUNDS ?? 7));
const observe = await observeRounds(ROUNDS, Number(process.env.BENCH_OBSERVE_REQUESTS ?? 2000));
const prism1 = await prismLoad(1);
const prism16 = await prismLoad(16);
const result = {
  machine,
  seconds: SECONDS,
  bare,
  emulator16,
  throughput: { ...throughput, lastBare: undefined, lastEmulator: undefined },
  external,
  breakdown,
  emulator1,
  suite,
  scaling,
  startup: start,
  defaultRun,
  observe,
  prism1,
  prism16,
};
mkdirSync(join(root, "reports"), { recursive: true });
writeFileSync(join(root, "reports/bench.json"), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(root, "reports/bench.md"), renderBench(result));
process.stdout.write(readFileSync(join(root, "reports/bench.md"), "utf8"));
process.exit(0);
