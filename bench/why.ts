// The "Targets not met, and why" section of reports/bench.md: every figure from this run's results.
import type { Breakdown } from "./profile.js";
import type { BenchResult } from "./report.js";
import { f, TARGETS } from "./targets.js";

const T = TARGETS;

/** The profiled run's buckets, summed by what they are for. */
function groups(b: Breakdown) {
  const sum = (re: RegExp) =>
    b.buckets.filter((x) => re.test(x.bucket)).reduce((s, x) => s + x.usPerExchange, 0);
  return {
    total: b.buckets.reduce((s, x) => s + x.usPerExchange, 0),
    http: sum(/^(HTTP client|node:http|sending requests)/),
    judging: sum(/^(exchange checks|oracles|input-domain|schema|numbers judged|event folding)/),
    building: sum(/^building/),
    redaction: sum(/^redaction/),
    gc: sum(/^garbage/),
    startup: sum(/^start-up/),
  };
}

function emulatorWhy(r: BenchResult): string[] {
  const tp = r.throughput;
  const ex = r.external;
  const inBench = tp.ratio.median < T.emulatorRatio || tp.cpuRatio.median > T.emulatorCpuRatio;
  const own = ex.ratio.median < T.emulatorRatio || ex.cpuRatio.median > T.emulatorCpuRatio;
  if (!inBench && !own) return [];
  const reading = ex.readerCpuUs.median - ex.bareCpuUs.median;
  const work = ex.emulatorCpuUs.median - ex.readerCpuUs.median;
  return [
    `- **Emulator ${f(tp.ratio.median, 2)} of the bare server's throughput and ${f(tp.cpuRatio.median, 2)}× its CPU per request with 16 connections in the bench's process; ${f(ex.ratio.median, 2)} and ${f(ex.cpuRatio.median, 2)}× with ${ex.connections} connections from autocannon's own process** (medians of ${tp.rounds} and ${ex.rounds} alternating rounds). The bare server never reads what it is sent (req.resume()) and writes a constant: ${f(ex.bareCpuUs.median)} µs of CPU per request, all of it node:http and the kernel. The same server reading each body through the request stream, as any server that looks at its requests must, spent ${f(ex.readerCpuUs.median)} µs (${f(reading)} µs more) and reached ${f(ex.readerRatio.median, 2)} of the bare server's throughput: that much of the gap is node:http's body stream, before any work. The emulator spent ${f(ex.emulatorCpuUs.median)} µs, ${f(work)} µs more than the reader: parsing the query and the JSON body, the cached UserSig check, the state and the envelope. A target of ${T.emulatorCpuRatio}× the bare server's CPU leaves ${f((T.emulatorCpuRatio - 1) * ex.bareCpuUs.median)} µs per request for all of it${(T.emulatorCpuRatio - 1) * ex.bareCpuUs.median < reading ? ", less than reading the body costs here" : ""}; on ${r.machine.cores} cores the load generator shares the CPU with the server (load average ${f(ex.loadavg[0] ?? 0, 2)}).`,
  ];
}

function suiteWhy(r: BenchResult): string[] {
  const su = r.suite;
  const g = groups(r.breakdown);
  const out: string[] = [];
  if (su.ratio.median < T.suiteRatio || su.suiteCpuUs.median > T.judgeCpuUs) {
    const pct = (x: number) => `${f((100 * x) / Math.max(1, g.total))} %`;
    out.push(
      `- **Suite CPU ${f(su.suiteCpuUs.median)} µs per exchange (target ${T.judgeCpuUs}); ${f(su.ratio.median, 2)} of autocannon's rate on the same requests** (medians of ${su.rounds} alternating rounds, ${su.lanes} lanes against ${su.lanes} connections). In the profiled run below, of ${f(g.total)} µs of main-thread time per exchange, ${f(g.http)} µs (${pct(g.http)}) is the HTTP exchange itself: node:http's client, its parsing of the answer and the writev system call, which autocannon does with a leaner client of its own; judging proper (checks, oracles and the account model, input-domain classification, schemas, numbers on the raw text, event folding) is ${f(g.judging)} µs (${pct(g.judging)}); building the requests (fast-check and the generators) ${f(g.building)} µs; redaction ${f(g.redaction)} µs; garbage collection ${f(g.gc)} µs; loading modules ${f(g.startup)} µs spread over the run's exchanges.${g.http > T.judgeCpuUs ? ` The HTTP exchange alone is over the ${T.judgeCpuUs} µs target: it would take a client other than node:http's, not a cheaper judge.` : ""}`,
    );
  }
  const dr = r.defaultRun;
  if (dr.ratio.median > T.runRatio) {
    const start = r.startup.toFirstRequest.median;
    const n = Math.max(1, dr.exchanges);
    const goal = T.runRatio * dr.autocannonMs.median;
    out.push(
      `- **Default run ${f(dr.ratio.median, 2)}× autocannon's time for its ${dr.exchanges} requests** (${f(dr.runMs.median)} ms against ${f(dr.autocannonMs.median)} ms, medians of ${dr.rounds} alternating rounds). The run needs ${f(start)} ms to its first request (the start-up row), then ${f(((dr.runMs.median - start) * 1000) / n)} µs per exchange: each is built, sent, answered by the embedded emulator in the same thread and judged. autocannon needs ${f((dr.autocannonMs.median * 1000) / n)} µs per request and judges nothing. To reach ${T.runRatio}× the run would have to fit in ${f(goal)} ms, that is ${f(((goal - start) * 1000) / n)} µs per exchange after start-up, for the suite and the emulator together.`,
    );
  }
  return out;
}

function memoryWhy(r: BenchResult): string[] {
  const peak = Math.max(...r.scaling.map((s) => s.maxRssMB));
  const small = r.scaling[0];
  const large = r.scaling.at(-1);
  const out: string[] = [];
  if (small && large && large.liveHeapMB > T.heapGrowth * small.liveHeapMB)
    out.push(
      `- **Live heap ${f(small.liveHeapMB)} MB at ${small.cases} cases, ${f(large.liveHeapMB)} MB at ${large.cases}** (medians of the samples taken after a full collection every second).`,
    );
  if (peak >= 200)
    out.push(
      `- **Peak RSS ${f(peak)} MB at ${large?.cases ?? "?"} cases.** What the run keeps alive is ${f(small?.liveHeapMB ?? 0)} MB at ${small?.cases ?? "?"} cases and ${f(large?.liveHeapMB ?? 0)} MB at ${large?.cases ?? "?"}: the rest of the RSS is memory V8 holds for garbage it had not yet collected or had not returned to the system, not data the run keeps.`,
    );
  return out;
}

/** One paragraph per target this run did not meet, each from this run's figures. */
export function whyNotMet(r: BenchResult): string[] {
  return [...emulatorWhy(r), ...suiteWhy(r), ...memoryWhy(r)];
}
