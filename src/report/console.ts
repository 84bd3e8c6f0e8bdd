import type { Listener } from "../core/kernel/events.js";
import { type Tally, verdictOf } from "../judge/verdict/tally.js";
import { violationsOf } from "./violations.js";
import { REPORT_FILES } from "./write.js";

/**
 * A case's line: ✗ and "violation(s)" only for MUST rules; a case that broke only SHOULD rules gets
 * "!" and "warning(s)", as the verdict treats them (issue 22: "✗ … findings" beside CONFORMANT).
 */
export function caseLine(caseId: string, ms: number, must: number, should: number): string {
  const icon = must ? "✗" : should ? "!" : "✓";
  const what = [
    must ? `${must} violation(s) of MUST rules` : "",
    should ? `${should} warning(s) (SHOULD rules)` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `  ${icon} ${caseId} (${Math.round(ms)} ms)${what ? `: ${what}` : ""}\n`;
}

/** Progress as cases finish: one line per case, on stderr so stdout stays quiet for pipes. */
export function consoleProgress(write: (s: string) => void): Listener {
  const failures = new Map<string, { must: number; should: number }>();
  return (e) => {
    if (e.type === "notice") write(`  note: ${e.message}\n`);
    if (e.type === "run-start")
      write(
        `group_add conformance: ${e.cases.length} cases against ${e.info.target} (seed ${e.info.seed})\n`,
      );
    if (e.type === "finding" && e.finding.outcome === "fail") {
      const n = failures.get(e.finding.caseId) ?? { must: 0, should: 0 };
      if (e.finding.level === "MUST") n.must += 1;
      else n.should += 1;
      failures.set(e.finding.caseId, n);
    }
    // A failed setup is told once, by the command's own error line.
    if (e.type === "case-error" && e.caseId !== "setup") write(`  ! ${e.caseId}: ${e.code} ${e.message}\n`);
    if (e.type === "case-end") {
      const n = failures.get(e.caseId);
      write(caseLine(e.caseId, e.ms, n?.must ?? 0, n?.should ?? 0));
    }
  };
}

/** The short summary printed at the end: each violated rule with its most direct evidence and its fix. */
export function consoleSummary(t: Tally, reportDir: string): string {
  const results = t.results();
  const c = t.counts(results);
  const lines = [""];
  for (const v of violationsOf(results)) {
    const r = v.result;
    const lead = v.evidence[0];
    lines.push(
      `${r.status === "fail" ? "FAIL" : "WARN"} ${r.rule.level} ${r.rule.id}: ${lead?.finding.message ?? ""}${lead ? ` (case ${lead.caseId}${v.total > 1 ? `; ${v.total - 1} more` : ""})` : ""}`,
    );
    if (r.rule.fix) lines.push(`  fix: ${r.rule.fix}`);
  }
  for (const r of results.filter((x) => x.status === "error")) {
    const first = [...r.byCase.values()].flatMap((k) => k.errors)[0] ?? "";
    lines.push(`ERROR ${r.rule.level} ${r.rule.id}: ${first}`);
  }
  const code = t.exitCode(results);
  const verdict = verdictOf(code);
  const why = code === 3 ? t.unjudgedReason(results) : undefined;
  if (why) lines.push(`not judged: ${why}`);
  lines.push(
    `${verdict}: ${c.pass} pass, ${c.fail} fail, ${c.warn} warn, ${c.observed} observed, ${c.error} error, ${c["not-judged"]} not judged (${results.length} rules)${t.incomplete ? " [incomplete]" : ""}`,
    `reports: ${reportDir}/${REPORT_FILES.join(", ")}`,
  );
  return `${lines.join("\n")}\n`;
}
