import type { Listener } from "../kernel/events.js";
import { type Tally, verdictOf } from "../verdict/tally.js";

/** Progress as cases finish: one line per case, on stderr so stdout stays quiet for pipes. */
export function consoleProgress(write: (s: string) => void): Listener {
  const failures = new Map<string, number>();
  return (e) => {
    if (e.type === "notice") write(`  note: ${e.message}\n`);
    if (e.type === "run-start")
      write(
        `group_add conformance: ${e.cases.length} cases against ${e.info.target} (seed ${e.info.seed})\n`,
      );
    if (e.type === "finding" && e.finding.outcome === "fail")
      failures.set(e.finding.caseId, (failures.get(e.finding.caseId) ?? 0) + 1);
    // A failed setup is told once, by the command's own error line.
    if (e.type === "case-error" && e.caseId !== "setup") write(`  ! ${e.caseId}: ${e.code} ${e.message}\n`);
    if (e.type === "case-end") {
      const n = failures.get(e.caseId) ?? 0;
      write(
        `  ${n ? "✗" : "✓"} ${e.caseId} (${Math.round(e.ms)} ms)${n ? `: ${n} finding(s) against the rules` : ""}\n`,
      );
    }
  };
}

/** The short summary printed at the end. */
export function consoleSummary(t: Tally, reportDir: string): string {
  const results = t.results();
  const c = t.counts(results);
  const lines = [""];
  for (const r of results.filter((x) => x.status === "fail" || x.status === "warn" || x.status === "error")) {
    const first =
      [...r.byCase.values()].flatMap((k) => k.failures.map((f) => f.message).concat(k.errors))[0] ?? "";
    lines.push(
      `${r.status === "fail" ? "FAIL" : r.status === "warn" ? "WARN" : "ERROR"} ${r.rule.level} ${r.rule.id}: ${first}`,
    );
  }
  const code = t.exitCode(results);
  const verdict = verdictOf(code);
  const why = code === 3 ? t.unjudgedReason(results) : undefined;
  if (why) lines.push(`not judged: ${why}`);
  lines.push(
    `${verdict}: ${c.pass} pass, ${c.fail} fail, ${c.warn} warn, ${c.observed} observed, ${c.error} error, ${c["not-judged"]} not judged (${results.length} rules)${t.incomplete ? " [incomplete]" : ""}`,
    `reports: ${reportDir}/conformance.md, conformance.html, conformance.json, junit.xml`,
  );
  return `${lines.join("\n")}\n`;
}
