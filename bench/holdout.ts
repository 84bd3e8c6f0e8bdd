/**
 * `npm run holdout`: the suite against the holdout faults (src/emulator/faults/holdout/, written
 * from the documentation alone by someone who had not read the judge) and their benign neighbours,
 * each run as a user runs it: the compiled bin, one process per target, under a fixed seed and a
 * random one. A fault is caught when the run exits 1; a neighbour passes when it exits 0. Writes
 * reports/holdout.md and reports/holdout.json from this run's figures only.
 *
 *   HOLDOUT_DIST=<dir>   judge with another build (e.g. an older checkout's dist/, for "before")
 *   HOLDOUT_SEED=<n>     the fixed seed (default 7)
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const dist = resolve(process.env.HOLDOUT_DIST ?? "dist");
const fixed = process.env.HOLDOUT_SEED ?? "7";

interface Target {
  id: string;
  kind: "fault" | "neighbour";
  cls?: string;
  promise?: string;
  neighbour?: string;
}

async function targets(): Promise<Target[]> {
  const faults = (await import(join(dist, "emulator/faults/holdout/index.js"))) as {
    HOLDOUT_FAULTS: Array<{ id: string; class: string; promise: string; neighbour: string }>;
  };
  const benign = (await import(join(dist, "emulator/faults/holdout/benign/index.js"))) as {
    HOLDOUT_BENIGN: Array<{ id: string }>;
  };
  return [
    ...faults.HOLDOUT_FAULTS.map((f) => ({
      id: f.id,
      kind: "fault" as const,
      cls: f.class,
      promise: f.promise,
      neighbour: f.neighbour,
    })),
    ...benign.HOLDOUT_BENIGN.map((b) => ({ id: b.id, kind: "neighbour" as const })),
  ];
}

async function judge(t: Target, seed: string): Promise<{ code: number; violated: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "tim-holdout-"));
  const flag = t.kind === "fault" ? "--emulator-fault" : "--emulator-variant";
  let code = 0;
  try {
    await run(
      process.execPath,
      [join(dist, "bin.js"), "run", flag, t.id, "--seed", seed, "--report-dir", dir],
      {
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000,
      },
    );
  } catch (e) {
    code = typeof (e as { code?: unknown }).code === "number" ? (e as { code: number }).code : -1;
  }
  let violated: string[] = [];
  try {
    const { readFileSync } = await import("node:fs");
    const j = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as {
      rules: Array<{ id: string; verdict: string }>;
    };
    violated = j.rules
      .filter((r) => r.verdict === "fail" || r.verdict === "warn")
      .map((r) => `${r.id}${r.verdict === "warn" ? " (warn)" : ""}`);
  } catch {
    // no report: the exit code says what happened
  }
  return { code, violated };
}

const all = await targets();
const random = String(Math.floor(Math.random() * 2 ** 31));
const rows: Array<
  Target & { fixed: { code: number; violated: string[] }; random: { code: number; violated: string[] } }
> = [];
for (const t of all) {
  rows.push({ ...t, fixed: await judge(t, fixed), random: await judge(t, random) });
  process.stderr.write(`${t.kind} ${t.id}: ${rows.at(-1)?.fixed.code} / ${rows.at(-1)?.random.code}\n`);
}
const faults = rows.filter((r) => r.kind === "fault");
const neighbours = rows.filter((r) => r.kind === "neighbour");
const caught = (s: "fixed" | "random") => faults.filter((r) => r[s].code === 1).length;
// A fault the catalogue holds at SHOULD (see its shouldOnly) can only earn a warning: exit 0, warned.
const warned = (s: "fixed" | "random") =>
  faults.filter((r) => r[s].code === 0 && r[s].violated.some((v) => v.endsWith("(warn)"))).length;
const clean = (s: "fixed" | "random") => neighbours.filter((r) => r[s].code === 0).length;
const md = [
  `# The suite against the holdout faults`,
  ``,
  `Build judged: \`${dist}\`. Seeds: fixed ${fixed}, random ${random}.`,
  ``,
  `Faults caught (exit 1): ${caught("fixed")} of ${faults.length} at seed ${fixed}, ${caught("random")} of ${faults.length} at seed ${random}; warned only (exit 0 with a SHOULD warning): ${warned("fixed")} and ${warned("random")}.`,
  `Benign neighbours passed (exit 0): ${clean("fixed")} of ${neighbours.length} at seed ${fixed}, ${clean("random")} of ${neighbours.length} at seed ${random}.`,
  ``,
  `| Target | Class | Exit (seed ${fixed}) | Exit (seed ${random}) | Rules failed or warned (seed ${fixed}) |`,
  `|---|---|---|---|---|`,
  ...rows.map(
    (r) =>
      `| ${r.kind === "fault" ? "fault" : "neighbour"} \`${r.id}\` | ${r.cls ?? ""} | ${r.fixed.code} | ${r.random.code} | ${r.fixed.violated.join(", ")} |`,
  ),
  ``,
].join("\n");
mkdirSync("reports", { recursive: true });
writeFileSync("reports/holdout.md", md);
writeFileSync(
  "reports/holdout.json",
  `${JSON.stringify({ dist, seeds: { fixed, random }, rows }, null, 2)}\n`,
);
process.stdout.write(md);
