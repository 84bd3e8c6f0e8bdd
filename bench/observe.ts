// Observe's added latency, side by side (issue 23): the same group_adds straight to an emulator
// process, through a bare pass-through proxy (node:http piping, no judge) and through
// `tim-conformance observe` (compiled, judging both ways), alternating direct, bare, observe in every
// round on one keep-alive connection each, every answer timed. Run alone:
//   npm run build && node --import tsx bench/observe.ts   (writes reports/bench-observe.{md,json})
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { EMULATOR_DEFAULTS } from "../src/config/defaults.js";
import { importUsers, query, USERS } from "./load.js";
import { children, line, root, server, tsx } from "./procs.js";
import { type Spread, spread } from "./startup.js";

export interface ObserveLatency {
  rounds: number;
  requests: number;
  loadavg: number[];
  /** per round, ms: the median and the 99th percentile of each path */
  direct: { p50: Spread; p99: Spread };
  bare: { p50: Spread; p99: Spread };
  observe: { p50: Spread; p99: Spread };
  /** per round, observe minus bare, ms */
  addedP50: Spread;
  addedP99: Spread;
  /** what the observer judged over all rounds (its verdict and exchanges, from its own report) */
  judged: { exchanges: number; verdict: string };
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Sends `n` group_adds one after the other over one keep-alive connection; returns each time, ms. */
async function timed(url: string, n: number, from: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const u = new URL(url);
  const out: number[] = [];
  for (let k = from; k < from + n; k++) {
    const body = JSON.stringify({ From_Account: `bu${k % USERS}`, GroupName: [`o${Math.floor(k / USERS)}`] });
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          method: "POST",
          path: `/v4/sns/group_add?${query(k)}`,
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve());
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    out.push(performance.now() - t0);
  }
  agent.destroy();
  return out.sort((a, b) => a - b);
}

/** The compiled observer in its own process, with the credentials so the client judge does all its work. */
async function observer(upstream: string, dir: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(
    process.execPath,
    [join(root, "dist/bin.js"), "observe", "--upstream", upstream, "--port", "0", "--report-dir", dir],
    {
      cwd: root,
      env: {
        ...process.env,
        TIM_SDKAPPID: String(EMULATOR_DEFAULTS.sdkappid),
        TIM_IDENTIFIER: EMULATOR_DEFAULTS.identifier,
        TIM_SECRET_KEY: EMULATOR_DEFAULTS.secretKey,
      },
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  children.push(proc);
  const [, url] = await line(proc, /observing on (\S+)/);
  return { url: url ?? "", proc };
}

export async function observeRounds(rounds: number, requests: number): Promise<ObserveLatency> {
  const emu = await server("emulator");
  await importUsers(emu.url);
  const bareProc = tsx(["bench/server.ts", "passthrough", emu.url]);
  const [, bareUrl] = await line(bareProc, /listening (\S+)/);
  const dir = mkdtempSync(join(tmpdir(), "tim-bench-observe-"));
  const obs = await observer(emu.url, dir);
  const rows: Array<Record<"direct" | "bare" | "observe", number[]>> = [];
  let next = 0;
  const take = async (url: string) => {
    const t = await timed(url, requests, next);
    next += requests;
    return t;
  };
  // A warm-up of every path, not counted: the first requests pay for compiling the judge's code.
  for (const url of [emu.url, bareUrl ?? "", obs.url]) await take(url);
  for (let k = 0; k < rounds; k++) {
    const direct = await take(emu.url);
    const bare = await take(bareUrl ?? "");
    const observe = await take(obs.url);
    rows.push({ direct, bare, observe });
    process.stderr.write(
      `observe round ${k + 1}: p50 direct ${quantile(direct, 0.5).toFixed(2)} ms, bare ${quantile(bare, 0.5).toFixed(2)} ms, observe ${quantile(observe, 0.5).toFixed(2)} ms\n`,
    );
  }
  const report = await fetch(`${obs.url}/__observe/report`).then(
    (r) => r.json() as Promise<{ verdict: string; run: { exchanges: number } }>,
  );
  for (const p of [obs.proc, bareProc, emu.proc]) p.kill();
  const q = (path: "direct" | "bare" | "observe", at: number) =>
    spread(rows.map((r) => quantile(r[path], at)));
  const of = (path: "direct" | "bare" | "observe") => ({ p50: q(path, 0.5), p99: q(path, 0.99) });
  return {
    rounds,
    requests,
    loadavg: loadavg(),
    direct: of("direct"),
    bare: of("bare"),
    observe: of("observe"),
    addedP50: spread(rows.map((r) => quantile(r.observe, 0.5) - quantile(r.bare, 0.5))),
    addedP99: spread(rows.map((r) => quantile(r.observe, 0.99) - quantile(r.bare, 0.99))),
    judged: { exchanges: report.run.exchanges, verdict: report.verdict },
  };
}

/** What "bounded" means here: a judge that costs no more than this on top of forwarding. */
export const OBSERVE_TARGET = { p50: 1, p99: 5 };
const met = (o: ObserveLatency) =>
  o.addedP50.median <= OBSERVE_TARGET.p50 && o.addedP99.median <= OBSERVE_TARGET.p99;

const ms = (s: Spread) => `${s.median.toFixed(2)} ms (${s.min.toFixed(2)}-${s.max.toFixed(2)})`;

/** The observe rows of the benchmark's table, every figure from this run. */
export function observeRows(o: ObserveLatency): string[] {
  const per = `${o.requests} sequential group_adds per path per round, one keep-alive connection, medians (min-max) of ${o.rounds} rounds`;
  return [
    `| Latency straight to the emulator, p50 / p99 (${per}) | ${ms(o.direct.p50)} / ${ms(o.direct.p99)} | | |`,
    `| Latency through a bare pass-through proxy (node:http piping, no judge), p50 / p99 | ${ms(o.bare.p50)} / ${ms(o.bare.p99)} | the floor | |`,
    `| Latency through \`observe\` (judging both ways, credentials given), p50 / p99 | ${ms(o.observe.p50)} / ${ms(o.observe.p99)} | | |`,
    `| Latency observe adds over the bare proxy, per round, p50 / p99 | ${ms(o.addedP50)} / ${ms(o.addedP99)} | ≤ ${OBSERVE_TARGET.p50} ms / ≤ ${OBSERVE_TARGET.p99} ms | ${met(o) ? "✅ met" : "❌ not met"} |`,
    `| What the observer judged over the warm-up and the rounds (its own report) | ${o.judged.exchanges} exchanges, ${o.judged.verdict} | CONFORMANT | ${o.judged.verdict === "CONFORMANT" ? "✅ met" : "❌ not met"} |`,
    `| Load average during the observe rounds (1, 5, 15 min) | ${o.loadavg.map((x) => x.toFixed(2)).join(", ")} | | |`,
  ];
}

/** Why the target is not met, in this run's figures; undefined when it is. */
export function observeWhy(o: ObserveLatency): string | undefined {
  if (met(o)) return undefined;
  return `- **Observe adds ${o.addedP50.median.toFixed(2)} ms at the median and ${o.addedP99.median.toFixed(2)} ms at p99 over a bare pass-through proxy** (medians of ${o.rounds} alternating rounds; per round ${o.addedP99.min.toFixed(2)}-${o.addedP99.max.toFixed(2)} ms at p99). Each answer reaches the client before it is judged, but the judge runs on the observer's one thread: a request that arrives while it judges the previous exchange waits for it. The load average was ${o.loadavg[0]?.toFixed(2)} on ${cpus().length} cores.`;
}

if (process.argv[1]?.endsWith("bench/observe.ts")) {
  const rounds = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5));
  const result = await observeRounds(rounds, Number(process.env.BENCH_OBSERVE_REQUESTS ?? 2000));
  mkdirSync(join(root, "reports"), { recursive: true });
  writeFileSync(join(root, "reports/bench-observe.json"), `${JSON.stringify(result, null, 2)}\n`);
  const why = observeWhy(result);
  const md = [
    "# Observe latency",
    "",
    `Machine: ${cpus()[0]?.model ?? "?"}, ${cpus().length} cores, Node ${process.version}.`,
    "",
    "| Measure | Value | Target | |",
    "|---|---|---|---|",
    ...observeRows(result),
    ...(why ? ["", "## Target not met, and why", "", why] : []),
    "",
  ].join("\n");
  writeFileSync(join(root, "reports/bench-observe.md"), md);
  process.stdout.write(md);
  process.exit(0);
}
