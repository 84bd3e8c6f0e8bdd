import type { ExternalRounds } from "./external.js";
import type { LoadResult } from "./load.js";
import { type ObserveLatency, observeRows, observeWhy } from "./observe.js";
import { type Breakdown, breakdownRows } from "./profile.js";
import type { DefaultRunRounds, SuiteRounds } from "./rounds.js";
import type { Spread, StartupResult } from "./startup.js";
import { f, ok, sp, TARGETS } from "./targets.js";
import { whyNotMet } from "./why.js";

const spreadText = (s: Spread) => `${Math.round(s.median)} ms (${Math.round(s.min)}-${Math.round(s.max)})`;

export interface Run {
  ms: number;
  maxRssMB: number;
  liveHeapMB: number;
  liveHeapMaxMB: number;
  exchanges: number;
  generated: number;
}
export interface BenchResult {
  machine: { cpu: string; cores: number; node: string; platform: string };
  seconds: number;
  bare: LoadResult;
  emulator16: LoadResult;
  emulator1: LoadResult;
  suite: SuiteRounds;
  defaultRun: DefaultRunRounds;
  scaling: Array<Run & { cases: number }>;
  startup: StartupResult;
  throughput: {
    rounds: number;
    loadavg: number[];
    bareRps: Spread;
    emulatorRps: Spread;
    ratio: Spread;
    bareCpuUs: Spread;
    emulatorCpuUs: Spread;
    cpuRatio: Spread;
  };
  prism1: LoadResult | { error: string };
  prism16: LoadResult | { error: string };
  observe: ObserveLatency;
  external: ExternalRounds;
  breakdown: Breakdown;
}

const T = TARGETS;

/** reports/bench.md: every number with its target, and whether it holds. */
export function renderBench(r: BenchResult): string {
  const tp = r.throughput;
  const ex = r.external;
  const su = r.suite;
  const dr = r.defaultRun;
  const eps = su.suiteEps.median;
  const mix = Object.entries(su.mix)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(", ");
  const [s1, s10, s100] = r.scaling;
  const growth = s1 && s10 ? s10.ms / s1.ms : Number.NaN;
  const peak = Math.max(...r.scaling.map((s) => s.maxRssMB));
  const liveSmall = r.scaling[0]?.liveHeapMB ?? 0;
  const liveLarge = r.scaling.at(-1)?.liveHeapMB ?? 0;
  const prism = "rps" in r.prism1 ? r.prism1 : undefined;
  const la = (l: number[]) => l.map((x) => f(x, 2)).join(", ");
  const lines = [
    "# Benchmark",
    "",
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node} (${r.machine.platform}); load phases of ${r.seconds} s. How it measures and what the rows mean: [docs/performance.md](../docs/performance.md).`,
    "",
    "| Measure | Value | Target | |",
    "|---|---|---|---|",
    `| Bare node:http, fixed body (16 connections, autocannon in the bench's process), median (min-max) of ${tp.rounds} alternating rounds | ${sp(tp.bareRps)} req/s, ${sp(tp.bareCpuUs)} µs CPU per request | the limit | |`,
    `| Emulator, representative group_add (16 connections), same rounds | ${sp(tp.emulatorRps)} req/s, ${sp(tp.emulatorCpuUs)} µs CPU per request | | |`,
    `| Emulator throughput / bare, per round | ${sp(tp.ratio, 2)} | ≥ ${T.emulatorRatio} | ${ok(tp.ratio.median >= T.emulatorRatio)} |`,
    `| Emulator CPU per request / bare, per round | ${sp(tp.cpuRatio, 2)} | ≤ ${T.emulatorCpuRatio} | ${ok(tp.cpuRatio.median <= T.emulatorCpuRatio)} |`,
    `| Load average during the throughput rounds (1, 5, 15 min) | ${la(tp.loadavg)} | | |`,
    `| Bare node:http answering the emulator's group_get bytes (${ex.connections} connections, autocannon in its own process), ${ex.rounds} alternating rounds | ${sp(ex.bareRps)} req/s, ${sp(ex.bareCpuUs)} µs CPU per request | the limit | |`,
    `| The same server reading each body first (the emulator's read-body.ts), same rounds | ${sp(ex.readerRps)} req/s, ${sp(ex.readerCpuUs)} µs CPU per request; ${sp(ex.readerRatio, 2)} of the bare server | | |`,
    `| Emulator, group_get, same rounds | ${sp(ex.emulatorRps)} req/s, ${sp(ex.emulatorCpuUs)} µs CPU per request | | |`,
    `| Emulator throughput / bare (${ex.connections} connections, own process), per round | ${sp(ex.ratio, 2)} | ≥ ${T.emulatorRatio} | ${ok(ex.ratio.median >= T.emulatorRatio)} |`,
    `| Emulator CPU per request / bare (${ex.connections} connections), per round | ${sp(ex.cpuRatio, 2)} | ≤ ${T.emulatorCpuRatio} | ${ok(ex.cpuRatio.median <= T.emulatorCpuRatio)} |`,
    `| Load average during those rounds (1, 5, 15 min) | ${la(ex.loadavg)} | | |`,
    `| Emulator, one connection | ${f(r.emulator1.rps)} req/s | | |`,
    `| Suite, generated phases (${su.lanes} lanes, limiter off), median (min-max) of ${su.rounds} rounds alternating with autocannon | ${sp(su.suiteEps)} checked exchanges/s; CPU per exchange ${sp(su.suiteCpuUs)} µs in the suite, ${sp(su.emulatorCpuUs)} µs in the emulator | | |`,
    `| Suite CPU per exchange (the judge's whole cost: building, sending, checking, folding) | ${sp(su.suiteCpuUs)} µs | ≤ ${T.judgeCpuUs} µs | ${ok(su.suiteCpuUs.median <= T.judgeCpuUs)} |`,
    `| autocannon, the same requests (${mix}), ${su.lanes} connections, fresh emulator | ${sp(su.mixRps)} req/s | | |`,
    `| Suite / autocannon, per round | ${sp(su.ratio, 2)} | ≥ ${T.suiteRatio} | ${ok(su.ratio.median >= T.suiteRatio)} |`,
    `| Load average during the suite rounds (1, 5, 15 min) | ${la(su.loadavg)} | | |`,
    `| Whole default run, compiled, command to exit (${dr.exchanges} exchanges), ${dr.rounds} alternating rounds | ${sp(dr.runMs)} ms | | |`,
    `| autocannon, the same ${dr.exchanges} requests of the run, 2 connections | ${sp(dr.autocannonMs)} ms | | |`,
    `| Default run / autocannon, per round | ${sp(dr.ratio, 2)} | ≤ ${T.runRatio} | ${ok(dr.ratio.median <= T.runRatio)} |`,
    `| Replay of the default run's recording / the live run, per round | ${sp(dr.replayRatio, 2)} (${sp(dr.replayMs)} ms) | | |`,
    `| Default run's recording | ${f(dr.recordingBytes / 1e6, 1)} MB, ${f(dr.recordingBytes / Math.max(1, dr.exchanges))} bytes per exchange; as .gz ${f(dr.recordingGzBytes / 1e6, 2)} MB (×${f(dr.recordingBytes / dr.recordingGzBytes, 1)} smaller) | | |`,
    `| Load average during the default-run rounds (1, 5, 15 min) | ${la(dr.loadavg)} | | |`,
    ...r.scaling.map(
      (s) =>
        `| ${s.cases} generated cases | ${f(s.ms / 1000, 1)} s, peak RSS ${f(s.maxRssMB)} MB, live heap after a collection ${f(s.liveHeapMB)} MB (median of the 1-second samples; largest ${f(s.liveHeapMaxMB)}), ${s.exchanges} exchanges | | |`,
    ),
    s10
      ? `| Time growth 1k → 10k | ×${f(growth, 1)} | ≤ ×10 (linear or better) | ${ok(growth < 12)} |`
      : "| 10k cases | not run (BENCH_MAX) | | |",
    s100 && s10
      ? `| Time growth 10k → 100k | ×${f(s100.ms / s10.ms, 1)} | ≤ ×10 (linear or better) | ${ok(s100.ms / s10.ms < 12)} |`
      : "| 100k cases | not run (BENCH_MAX) | | |",
    `| Peak RSS, largest run | ${f(peak)} MB | < 200 MB, flat | ${ok(peak < 200)} |`,
    `| Live heap after a collection (median of samples), smallest run → largest run (${r.scaling[0]?.cases ?? "?"} → ${r.scaling.at(-1)?.cases ?? "?"} cases) | ${f(liveSmall)} → ${f(liveLarge)} MB (×${f(liveLarge / Math.max(1e-9, liveSmall), 2)}) | flat (at most ×${T.heapGrowth}) | ${ok(liveLarge <= T.heapGrowth * liveSmall)} |`,
    s10 ? `| 10k cases | ${f(s10.ms / 1000, 1)} s | < 20 s on 2 cores | ${ok(s10.ms < 20_000)} |` : "",
    `| \`node -e 0\`, median (min-max) of ${r.startup.rounds} alternating rounds | ${spreadText(r.startup.nodeBare)} | the floor | |`,
    `| Start-up: command to first request (compiled CLI) | ${spreadText(r.startup.toFirstRequest)}, ×${f(r.startup.toFirstRequest.median / r.startup.nodeBare.median, 1)} node -e 0 | ≤ ×3 | ${ok(r.startup.toFirstRequest.median <= 3 * r.startup.nodeBare.median)} |`,
    `| Start-up: emulator command to listening | ${spreadText(r.startup.emulatorListening)}, ×${f(r.startup.emulatorListening.median / r.startup.nodeBare.median, 1)} node -e 0 | ≤ ×3 | ${ok(r.startup.emulatorListening.median <= 3 * r.startup.nodeBare.median)} |`,
    `| Load average during the start-up rounds (1, 5, 15 min) | ${la(r.startup.loadavg)} | | |`,
    ...observeRows(r.observe),
    prism
      ? `| Peer: Prism 5 validating proxy (Tencent's OpenAPI), 1 connection | ${f(prism.rps)} req/s; cost per request ×${f(eps / prism.rps, 2)} the suite's per checked exchange (${su.lanes} lanes) | | |`
      : `| Peer: Prism | ${"error" in r.prism1 ? r.prism1.error : "?"} | | |`,
    "rps" in r.prism16 ? `| Peer: Prism, 16 connections | ${f(r.prism16.rps)} req/s | | |` : "",
  ];
  // Optional rows are "" when absent: dropped here, so the table has no gaps.
  const table = lines.filter((l, k) => l !== "" || k < 4);
  const observeReason = observeWhy(r.observe);
  const why = [...whyNotMet(r), ...(observeReason ? [observeReason] : [])];
  return `${[
    ...table,
    "",
    "## Where the judge's time goes",
    "",
    `The generated phases once more (seed 4242, ${su.lanes} lanes, limiter off, an emulator process) under \`--cpu-prof\`; each sample counted in the bucket of the innermost project module on its stack (bench/profile.ts). Times are the main thread's, sampled by wall clock, so a loaded machine stretches them all alike.`,
    "",
    ...breakdownRows(r.breakdown),
    ...(why.length ? ["", "## Targets not met, and why", "", ...why] : []),
  ].join("\n")}\n`;
}
