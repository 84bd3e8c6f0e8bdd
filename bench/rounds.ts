// Suite, whole default run and replay, each alternated with what it is compared to (A B A B …).
import { readFileSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { commandsOf, loadMix, mixOf } from "./mix.js";
import { cpuUs, measure, SECONDS, server, timeCompiled } from "./procs.js";
import { type Spread, spread } from "./startup.js";

const SEED = "4242";
const GENERATED = ["--case", "property-valid", "--case", "property-invalid", "--case", "stateful"];
const log = (s: string) => process.stderr.write(`${s}\n`);

export interface SuiteRounds {
  rounds: number;
  lanes: number;
  loadavg: number[];
  mix: Record<string, number>;
  suiteEps: Spread;
  mixRps: Spread;
  ratio: Spread;
  suiteCpuUs: Spread;
  emulatorCpuUs: Spread;
}

/**
 * The generated phases against an emulator process, then autocannon sending the same requests
 * (the phases' own recorded mix: group_add, group_get, group_delete, friend and account calls)
 * over as many connections as the suite has lanes, to a fresh emulator; alternately.
 */
export async function suiteRounds(rounds: number, lanes: number): Promise<SuiteRounds> {
  const file = join(tmpdir(), `tim-bench-mix-${process.pid}.json`);
  const warm = await server("emulator");
  await measure(["--base-url", warm.url, ...GENERATED, "--seed", SEED, "--rate", "0", "--record", file]);
  warm.proc.kill();
  const mix = mixOf(file);
  const rows = [];
  for (let k = 0; k < rounds; k++) {
    const a = await server("emulator");
    const before = await cpuUs(a.proc);
    const m = await measure([
      "--base-url",
      a.url,
      ...GENERATED,
      "--seed",
      SEED,
      "--rate",
      "0",
      "--lanes",
      String(lanes),
    ]);
    const emuCpu = (await cpuUs(a.proc)) - before;
    a.proc.kill();
    const b = await server("emulator");
    const raw = await loadMix(b.url, mix, lanes, { seconds: SECONDS });
    b.proc.kill();
    const eps = m.exchanges / (m.ms / 1000);
    rows.push({ eps, rps: raw.rps, suiteCpu: m.cpuUs / m.exchanges, emuCpu: emuCpu / m.exchanges });
    log(`suite round ${k + 1}: suite ${eps.toFixed(0)} exchanges/s, autocannon ${raw.rps.toFixed(0)}/s`);
  }
  return {
    rounds,
    lanes,
    loadavg: loadavg(),
    mix: commandsOf(mix),
    suiteEps: spread(rows.map((r) => r.eps)),
    mixRps: spread(rows.map((r) => r.rps)),
    ratio: spread(rows.map((r) => r.eps / r.rps)),
    suiteCpuUs: spread(rows.map((r) => r.suiteCpu)),
    emulatorCpuUs: spread(rows.map((r) => r.emuCpu)),
  };
}

export interface DefaultRunRounds {
  rounds: number;
  loadavg: number[];
  exchanges: number;
  runMs: Spread;
  autocannonMs: Spread;
  ratio: Spread;
  replayMs: Spread;
  replayRatio: Spread;
  recordingBytes: number;
  recordingGzBytes: number;
}

/**
 * The whole default run, compiled, from command to exit (embedded emulator), against autocannon
 * sending the same number of the run's own requests over 2 connections to an emulator process;
 * and a replay of that run's recording against the live run; alternately.
 */
export async function defaultRunRounds(rounds: number): Promise<DefaultRunRounds> {
  const file = join(tmpdir(), `tim-bench-default-${process.pid}.json`);
  await timeCompiled(["run", "--seed", SEED, "--record", file]);
  const mix = mixOf(file);
  const text = readFileSync(file, "utf8");
  const rows = [];
  for (let k = 0; k < rounds; k++) {
    const run = await timeCompiled(["run", "--seed", SEED]);
    const exchanges = JSON.parse(readFileSync(join(run.dir, "conformance.json"), "utf8")).run.exchanges;
    const b = await server("emulator");
    const raw = await loadMix(b.url, mix, 2, { amount: exchanges });
    b.proc.kill();
    const replay = await timeCompiled(["run", "--replay", file]);
    rows.push({ run: run.ms, ac: raw.ms, replay: replay.ms, exchanges });
    log(
      `default-run round ${k + 1}: run ${run.ms.toFixed(0)} ms, autocannon ${raw.ms.toFixed(0)} ms, replay ${replay.ms.toFixed(0)} ms`,
    );
  }
  return {
    rounds,
    loadavg: loadavg(),
    exchanges: rows[0]?.exchanges ?? 0,
    runMs: spread(rows.map((r) => r.run)),
    autocannonMs: spread(rows.map((r) => r.ac)),
    ratio: spread(rows.map((r) => r.run / r.ac)),
    replayMs: spread(rows.map((r) => r.replay)),
    replayRatio: spread(rows.map((r) => r.replay / r.run)),
    recordingBytes: statSync(file).size,
    recordingGzBytes: gzipSync(text).length,
  };
}
