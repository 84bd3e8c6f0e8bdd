// Where the judge's time goes per exchange: the generated phases once under --cpu-prof against an
// emulator process, each sample put in the bucket of the innermost project module on its stack.
// `node --import tsx bench/profile.ts` prints the table alone; `npm run bench` puts it in bench.md.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { line, server, tsx } from "./procs.js";

export interface Breakdown {
  exchanges: number;
  /** the suite process's CPU time (user + system) per exchange, µs, in this profiled run */
  cpuUsPerExchange: number;
  /** profiled main-thread time per exchange, µs, by bucket; idle (waiting for answers) apart */
  buckets: Array<{ bucket: string; usPerExchange: number }>;
  idleUsPerExchange: number;
}

/** Buckets by the project module a sample's innermost project frame is in (path below src/). */
const BY_MODULE: Array<[RegExp, string]> = [
  [
    /^(generate|cases)\/|^judge\/probe\/request|^core\/kernel\/clock/,
    "building requests (fast-check, generators, cases)",
  ],
  [/^transport\/(redact|canonical)/, "redaction"],
  [/^(transport|run\/targets)\//, "HTTP client (node:http, deadline, retries)"],
  [/^judge\/checks\//, "exchange checks"],
  [/^core\/contract\/classify/, "input-domain classification"],
  [/^core\/contract\/schemas/, "schema validation (ajv: compiled once, then run)"],
  [/^core\/kernel\/raw-json/, "numbers judged on the raw JSON text"],
  [/^judge\/(probe|oracles)\/|^core\/contract\/domain/, "oracles and the account model"],
  [/^(judge\/verdict|report|cli)\/|^core\/kernel\/events/, "event folding and reports"],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

function bucketOf(stack: ProfileNode[]): string {
  for (const n of stack) {
    if (n.callFrame.url.includes("/node_modules/")) continue;
    const m = /\/(?:dist|src)\/(.*)\.(?:js|ts)$/.exec(n.callFrame.url);
    if (m?.[1]) return BY_MODULE.find(([re]) => re.test(m[1] as string))?.[1] ?? "other project code";
  }
  // Library code resumed from a promise has no project frame below it: its library tells whose it is.
  if (stack.some((n) => n.callFrame.url.includes("/node_modules/fast-check/")))
    return "building requests (fast-check, generators, cases)";
  if (stack.some((n) => n.callFrame.url.includes("/node_modules/ajv/")))
    return "schema validation (ajv: compiled once, then run)";
  const leaf = stack[0]?.callFrame;
  if (leaf?.functionName === "(garbage collector)") return "garbage collection";
  if (leaf?.functionName === "(idle)") return "(idle)";
  // The system call that hands a request to the kernel; on loopback it also runs the receiving side's
  // TCP path and wakes the emulator, and a sample lands here while the thread waits to run again.
  if (leaf?.functionName === "writev" || leaf?.functionName === "writeUtf8String")
    return "sending requests (writev system call, loopback delivery)";
  if (stack.some((n) => /node:internal\/modules|\/node_modules\/(tsx|esbuild)\//.test(n.callFrame.url)))
    return "start-up (loading modules)";
  return "node:http's own work between the suite's frames (parsing answers, sockets, agent, promises)";
}

/** Folds a .cpuprofile into time per bucket, µs. */
export function fold(profile: {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (const [k, s] of profile.samples.entries())
    self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[k] ?? 0));
  const out = new Map<string, number>();
  for (const [id, us] of self) {
    const stack: ProfileNode[] = [];
    for (let j: number | undefined = id; j !== undefined; j = parent.get(j)) {
      const n = byId.get(j);
      if (n) stack.push(n);
    }
    const b = bucketOf(stack);
    out.set(b, (out.get(b) ?? 0) + us);
  }
  return out;
}

export async function profileJudge(seed = "4242", lanes = 2): Promise<Breakdown> {
  const emu = await server("emulator");
  const profDir = mkdtempSync(join(tmpdir(), "tim-bench-prof-"));
  const reportDir = mkdtempSync(join(tmpdir(), "tim-bench-prof-report-"));
  const args = ["--base-url", emu.url, "--case", "property-valid", "--case", "property-invalid"];
  const c = tsx(
    [
      "bench/measure.ts",
      ...args,
      "--case",
      "stateful",
      "--seed",
      seed,
      "--rate",
      "0",
      "--lanes",
      String(lanes),
      "--report-dir",
      reportDir,
    ],
    ["--cpu-prof", "--cpu-prof-dir", profDir],
  );
  const [json] = await line(c, /\{.*\}\n/);
  await new Promise((r) => c.on("exit", r));
  emu.proc.kill();
  const m = JSON.parse(json ?? "{}") as { cpuUs: number; exchanges: number };
  const file = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile")) ?? "";
  const totals = fold(JSON.parse(readFileSync(join(profDir, file), "utf8")));
  const n = Math.max(1, m.exchanges);
  const idle = totals.get("(idle)") ?? 0;
  totals.delete("(idle)");
  return {
    exchanges: m.exchanges,
    cpuUsPerExchange: m.cpuUs / n,
    buckets: [...totals]
      .map(([bucket, us]) => ({ bucket, usPerExchange: us / n }))
      .sort((a, b) => b.usPerExchange - a.usPerExchange),
    idleUsPerExchange: idle / n,
  };
}

/** The table bench.md shows. */
export function breakdownRows(b: Breakdown): string[] {
  const total = b.buckets.reduce((s, x) => s + x.usPerExchange, 0);
  return [
    "| Where the suite's main thread spends its time, per exchange | µs | share |",
    "|---|---|---|",
    ...b.buckets.map(
      (x) =>
        `| ${x.bucket} | ${x.usPerExchange.toFixed(0)} | ${((100 * x.usPerExchange) / total).toFixed(0)} % |`,
    ),
    `| **all of it** (${b.exchanges} exchanges; the process's CPU time was ${b.cpuUsPerExchange.toFixed(0)} µs per exchange in this profiled run) | ${total.toFixed(0)} | |`,
    `| waiting for answers (idle, not counted above) | ${b.idleUsPerExchange.toFixed(0)} | |`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const b = await profileJudge();
  process.stdout.write(`${breakdownRows(b).join("\n")}\n`);
  process.exit(0);
}
