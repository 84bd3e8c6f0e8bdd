import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { mergeMain } from "../cli/merge-main.js";

// Issue 15: parallel lanes and shards change how a run is executed, never what it judges.

type Command = typeof main;

async function run(argv: string[], command: Command = main) {
  const dir = mkdtempSync(join(tmpdir(), "tim-shard-"));
  let out = "";
  let err = "";
  const code = await command(
    [...argv, "--report-dir", dir],
    {},
    {
      out: (s) => (out += s),
      err: (s) => (err += s),
    },
  );
  const json = () => JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8"));
  return { code, out, err, dir, json };
}

interface Evidence {
  message: string;
  replay?: string;
  exchange?: { request: { body: string } };
}
interface RuleJson {
  id: string;
  verdict: string;
  generatedCases: number;
  cases: Array<{ case: string; passes: number; failures: number; evidence: Evidence[] }>;
  observed?: unknown;
}

/**
 * What a run judged: every rule's verdict, counts per case, each failure's message, replay command
 * and exact request body. Left out: what differs between any two runs of one seed (the emulator's
 * port, the random values, dates, sequences that depend on the accounts' history, timings).
 */
function judged(report: { exitCode: number; verdict: string; rules: RuleJson[] }) {
  return {
    exitCode: report.exitCode,
    verdict: report.verdict,
    rules: report.rules.map((r) => ({
      id: r.id,
      verdict: r.verdict,
      generated: r.generatedCases,
      cases: r.cases.map((c) => ({
        case: c.case,
        passes: c.passes,
        failures: c.failures,
        evidence: c.evidence.map((e) => ({
          message: e.message,
          replay: e.replay?.replace(/--base-url \S+ /, ""),
          body: e.exchange?.request.body,
        })),
      })),
    })),
  };
}

const FAULTED = ["--emulator-fault", "not-friend-succeeds"];
const base = ["--seed", "7", "--runs", "80"];

describe("lanes", () => {
  it("judge the same whatever their number: 1, 2 and 5 lanes give one report", async () => {
    const reports = [];
    for (const lanes of ["1", "2", "5"]) reports.push(await run([...base, ...FAULTED, "--lanes", lanes]));
    expect(reports.map((r) => r.code)).toEqual([1, 1, 1]);
    const [one, ...others] = reports.map((r) => judged(r.json()));
    for (const o of others) expect(o).toEqual(one);
  });

  it("name the part of a shrunk counterexample, and its replay command reproduces it alone", async () => {
    const full = await run([...base, ...FAULTED, "--case", "property-valid", "--lanes", "3"]);
    const rule = (full.json().rules as RuleJson[]).find((r) => r.id === "not-friend-fails-item");
    const evidence = rule?.cases.find((c) => c.case === "property-valid")?.evidence[0];
    expect(evidence?.replay).toMatch(/--case property-valid --seed 7 --part \d --path \S+/);
    const flags = (evidence?.replay ?? "").replace(/^npx tim-conformance /, "").split(" ");
    const alone = await run([...flags, ...FAULTED]);
    expect(alone.code).toBe(1);
    const again = (alone.json().rules as RuleJson[]).find((r) => r.id === "not-friend-fails-item");
    const replayed = again?.cases.find((c) => c.case === "property-valid");
    // The counterexample alone (fast-check may still try a smaller one): the same request fails again.
    expect(replayed?.failures).toBe(1);
    expect(replayed?.evidence[0]?.exchange?.request.body).toBe(evidence?.exchange?.request.body);
  });
});

describe("--shard I/N and merge", () => {
  for (const [label, extra, exit] of [
    ["a clean", [], 0],
    ["a faulted", FAULTED, 1],
  ] as const) {
    it(`joins three shards of ${label} run into the verdict and rules of the unsharded run`, async () => {
      const whole = await run([...base, ...extra]);
      const shards = [];
      for (const i of [1, 2, 3]) shards.push(await run([...base, ...extra, "--shard", `${i}/3`]));
      // Each shard ran only its share: no shard alone ran every generated case.
      const gen = (r: { json: () => { rules: RuleJson[] } }) =>
        r.json().rules.find((x) => x.id === "valid-request-accepted")?.generatedCases ?? 0;
      for (const s of shards) expect(gen(s)).toBeLessThan(gen(whole));
      const merged = await run(
        shards.reverse().flatMap((s) => ["--from", s.dir]),
        mergeMain,
      );
      expect(whole.code).toBe(exit);
      expect(merged.code).toBe(exit);
      expect(judged(merged.json())).toEqual(judged(whole.json()));
      expect(merged.out).toContain(whole.json().verdict);
      for (const f of ["junit.xml", "conformance.md", "conformance.html"])
        expect(readFileSync(join(merged.dir, f), "utf8").length).toBeGreaterThan(100);
      // The merged report is one run's: no shard log in it, no shard in its run info.
      expect(merged.json().shard).toBeUndefined();
      expect(merged.json().run.shard).toBeUndefined();
    });
  }

  it("refuses shards that are not every share of one run (exit 2, naming what is wrong)", async () => {
    const s1 = await run([...base, "--case", "basic-add", "--shard", "1/2"]);
    const s2 = await run([...base, "--case", "basic-add", "--shard", "2/2"]);
    const other = await run(["--seed", "8", "--runs", "80", "--case", "basic-add", "--shard", "2/2"]);
    const plain = await run([...base, "--case", "basic-add"]);
    const missing = await run(["--from", s1.dir], mergeMain);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/expected shards 1\.\.2 of 2 once each, got 1\/2/);
    const seeds = await run(["--from", s1.dir, "--from", other.dir], mergeMain);
    expect(seeds.code).toBe(2);
    expect(seeds.err).toMatch(/not shares of one run/);
    const unsharded = await run(["--from", plain.dir], mergeMain);
    expect(unsharded.code).toBe(2);
    expect(unsharded.err).toMatch(/\/shard is missing/);
    expect((await run(["--from", s1.dir, "--from", s2.dir], mergeMain)).code).toBe(0);
    // A shard of another version, or an event log that does not fold, is bad input too.
    // biome-ignore lint/suspicious/noExplicitAny: a report is edited field by field on purpose
    const edit = (dir: string, change: (j: any) => void) => {
      const file = join(dir, "conformance.json");
      const j = JSON.parse(readFileSync(file, "utf8"));
      change(j);
      writeFileSync(file, JSON.stringify(j));
    };
    edit(s2.dir, (j) => {
      j.tool.version = "0.0.1";
    });
    const versions = await run(["--from", s1.dir, "--from", s2.dir], mergeMain);
    expect([versions.code, versions.err]).toEqual([2, expect.stringMatching(/different versions/)]);
    edit(s2.dir, (j) => {
      j.tool.version = s1.json().tool.version;
    });
    edit(s1.dir, (j) => {
      const finding = j.shard.events.find((e: { type: string }) => e.type === "finding");
      finding.finding.rule = "no-such-rule";
    });
    const folded = await run(["--from", s1.dir, "--from", s2.dir], mergeMain);
    expect([folded.code, folded.err]).toEqual([2, expect.stringMatching(/does not fold: .*no-such-rule/)]);
  });

  it("refuses a malformed --shard before anything runs", async () => {
    for (const bad of ["0/2", "3/2", "1", "a/b"]) {
      const r = await run(["--shard", bad]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/TIM_SHARD: must be I\/N/);
    }
  });
});
