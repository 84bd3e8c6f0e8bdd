import type { LoadResult } from "./load.js";
import { type ObserveLatency, observeRows, observeWhy } from "./observe.js";
import type { DefaultRunRounds, SuiteRounds } from "./rounds.js";
import type { Spread, StartupResult } from "./startup.js";

const spreadText = (s: Spread) => `${Math.round(s.median)} ms (${Math.round(s.min)}-${Math.round(s.max)})`;

interface Run {
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
}

const ok = (pass: boolean) => (pass ? "✅ met" : "❌ not met");
const f = (n: number, d = 0) => n.toFixed(d);

/** reports/bench.md: every number with its target, and whether it holds. */
export function renderBench(r: BenchResult): string {
  const tp = r.throughput;
  const emuRatio = tp.ratio.median;
  const cpuRatio = tp.cpuRatio.median;
  const sp = (s: Spread, d = 0) => `${f(s.median, d)} (${f(s.min, d)}-${f(s.max, d)})`;
  const su = r.suite;
  const dr = r.defaultRun;
  const eps = su.suiteEps.median;
  const suiteRatio = su.ratio.median;
  const runRatio = dr.ratio.median;
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
  const lines = [
    "# Benchmark",
    "",
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, Node ${r.machine.node} (${r.machine.platform}); load phases of ${r.seconds} s.`,
    "",
    "| Measure | Value | Target | |",
    "|---|---|---|---|",
    `| Bare node:http, fixed body (16 connections), median (min-max) of ${tp.rounds} alternating rounds | ${sp(tp.bareRps)} req/s, ${sp(tp.bareCpuUs)} µs CPU per request | the limit | |`,
    `| Emulator, representative group_add (16 connections), same rounds | ${sp(tp.emulatorRps)} req/s, ${sp(tp.emulatorCpuUs)} µs CPU per request | | |`,
    `| Emulator throughput / bare, per round | ${sp(tp.ratio, 2)} | ≥ 0.8 | ${ok(emuRatio >= 0.8)} |`,
    `| Emulator CPU per request / bare, per round | ${sp(tp.cpuRatio, 2)} | ≤ 1.3 | ${ok(cpuRatio <= 1.3)} |`,
    `| Load average during the throughput rounds (1, 5, 15 min) | ${tp.loadavg.map((x) => f(x, 2)).join(", ")} | | |`,
    `| Emulator, one connection | ${f(r.emulator1.rps)} req/s | | |`,
    `| Suite, generated phases (${su.lanes} lanes, limiter off), median (min-max) of ${su.rounds} rounds alternating with autocannon | ${sp(su.suiteEps)} checked exchanges/s; CPU per exchange ${sp(su.suiteCpuUs)} µs in the suite, ${sp(su.emulatorCpuUs)} µs in the emulator | | |`,
    `| autocannon, the same requests (${mix}), ${su.lanes} connections, fresh emulator | ${sp(su.mixRps)} req/s | | |`,
    `| Suite / autocannon, per round | ${sp(su.ratio, 2)} | ≥ 0.5 | ${ok(suiteRatio >= 0.5)} |`,
    `| Load average during the suite rounds (1, 5, 15 min) | ${su.loadavg.map((x) => f(x, 2)).join(", ")} | | |`,
    `| Whole default run, compiled, command to exit (${dr.exchanges} exchanges), ${dr.rounds} alternating rounds | ${sp(dr.runMs)} ms | | |`,
    `| autocannon, the same ${dr.exchanges} requests of the run, 2 connections | ${sp(dr.autocannonMs)} ms | | |`,
    `| Default run / autocannon, per round | ${sp(dr.ratio, 2)} | ≤ 2.5 | ${ok(runRatio <= 2.5)} |`,
    `| Replay of the default run's recording / the live run, per round | ${sp(dr.replayRatio, 2)} (${sp(dr.replayMs)} ms) | | |`,
    `| Default run's recording | ${f(dr.recordingBytes / 1e6, 1)} MB, ${f(dr.recordingBytes / Math.max(1, dr.exchanges))} bytes per exchange; as .gz ${f(dr.recordingGzBytes / 1e6, 2)} MB (×${f(dr.recordingBytes / dr.recordingGzBytes, 1)} smaller) | | |`,
    `| Load average during the default-run rounds (1, 5, 15 min) | ${dr.loadavg.map((x) => f(x, 2)).join(", ")} | | |`,
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
    `| Live heap after a collection (median of samples), smallest run → largest run | ${f(liveSmall)} → ${f(liveLarge)} MB | flat (at most ×1.5) | ${ok(liveLarge <= 1.5 * liveSmall)} |`,
    s10 ? `| 10k cases | ${f(s10.ms / 1000, 1)} s | < 20 s on 2 cores | ${ok(s10.ms < 20_000)} |` : "",
    `| \`node -e 0\`, median (min-max) of ${r.startup.rounds} alternating rounds | ${spreadText(r.startup.nodeBare)} | the floor | |`,
    `| Start-up: command to first request (compiled CLI) | ${spreadText(r.startup.toFirstRequest)}, ×${f(r.startup.toFirstRequest.median / r.startup.nodeBare.median, 1)} node -e 0 | ≤ ×3 | ${ok(r.startup.toFirstRequest.median <= 3 * r.startup.nodeBare.median)} |`,
    `| Start-up: emulator command to listening | ${spreadText(r.startup.emulatorListening)}, ×${f(r.startup.emulatorListening.median / r.startup.nodeBare.median, 1)} node -e 0 | ≤ ×3 | ${ok(r.startup.emulatorListening.median <= 3 * r.startup.nodeBare.median)} |`,
    `| Load average during the start-up rounds (1, 5, 15 min) | ${r.startup.loadavg.map((x) => f(x, 2)).join(", ")} | | |`,
    ...observeRows(r.observe),
    prism
      ? `| Peer: Prism 5 validating proxy (Tencent's OpenAPI), 1 connection | ${f(prism.rps)} req/s; cost per request ×${f(eps / prism.rps, 2)} the suite's per checked exchange (${su.lanes} lanes) | | |`
      : `| Peer: Prism | ${"error" in r.prism1 ? r.prism1.error : "?"} | | |`,
    "rps" in r.prism16 ? `| Peer: Prism, 16 connections | ${f(r.prism16.rps)} req/s | | |` : "",
  ];
  const why: string[] = [];
  if (emuRatio < 0.8 || cpuRatio > 1.3) {
    why.push(
      `- **Emulator ${f(emuRatio, 2)} of the bare server's throughput, ${f(cpuRatio, 2)}× its CPU per request** (medians of ${tp.rounds} alternating rounds; per-round ratios ${f(tp.ratio.min, 2)}-${f(tp.ratio.max, 2)}). Per request the emulator parses the query and the JSON body, checks the UserSig (cached after the first verification), changes its state and serialises an envelope, where the bare server writes a constant: the ${f(tp.emulatorCpuUs.median - tp.bareCpuUs.median)} µs of CPU per request between them is that work. On ${r.machine.cores} cores the load generator shares the CPU with the server (load average ${f(tp.loadavg[0] ?? 0, 2)}), which the CPU-per-request figures are less sensitive to than throughput.`,
    );
  }
  if (suiteRatio < 0.5) {
    const ceiling = 1e6 / su.suiteCpuUs.median;
    why.push(
      `- **Suite ${f(suiteRatio, 2)} of autocannon's rate on the same requests** (medians of ${su.rounds} alternating rounds, ${su.lanes} lanes against ${su.lanes} connections). The suite process spent ${f(su.suiteCpuUs.median)} µs of CPU per exchange (building the request, 16 checks, judging, folding events, redaction), which alone caps one process at about ${f(ceiling)} exchanges/s; the emulator spent ${f(su.emulatorCpuUs.median)} µs per exchange. On ${r.machine.cores} cores both share the CPU with each other${su.lanes < r.machine.cores ? "" : " and with nothing to spare"}, while autocannon does no judging at all.`,
    );
  }
  if (runRatio > 2.5) {
    const start = r.startup.toFirstRequest.median;
    const n = Math.max(1, dr.exchanges);
    const perRun = ((dr.runMs.median - start) * 1000) / n;
    const perAc = (dr.autocannonMs.median * 1000) / n;
    const goal = 2.5 * dr.autocannonMs.median;
    why.push(
      `- **Default run ${f(runRatio, 2)}× autocannon's time for its ${dr.exchanges} requests** (${f(dr.runMs.median)} ms against ${f(dr.autocannonMs.median)} ms, medians of ${dr.rounds} alternating rounds). The run needs ${f(start)} ms to its first request (the start-up row), then ${f(perRun)} µs per exchange: each is built, sent, answered by the embedded emulator in the same thread and judged. autocannon needs ${f(perAc)} µs per request and judges nothing. In the suite rounds above, the suite's process spent ${f(su.suiteCpuUs.median)} µs of CPU per exchange. To reach 2.5× the run would have to fit in ${f(goal)} ms, that is ${f(((goal - start) * 1000) / n)} µs per exchange after start-up.`,
    );
  }
  if (peak >= 200) {
    const largest = r.scaling.at(-1);
    why.push(
      `- **Peak RSS ${f(peak)} MB at ${largest?.cases ?? "?"} cases.** What the run keeps alive, sampled after a full collection every second, is ${f(liveSmall)} MB at ${r.scaling[0]?.cases ?? "?"} cases and ${f(liveLarge)} MB at ${largest?.cases ?? "?"}: the rest of the RSS is memory V8 holds for garbage it had not yet collected or had not returned to the system (request and answer bodies of up to 1000 accounts), not data the run keeps.`,
    );
  }
  const observeReason = observeWhy(r.observe);
  if (observeReason) why.push(observeReason);
  // Optional rows are "" when absent: dropped here, so the table has no gaps.
  const table = lines.filter((l, k) => l !== "" || k < 4);
  return `${[...table, ...(why.length ? ["", "## Targets not met, and why", "", ...why] : [])].join("\n")}\n`;
}
