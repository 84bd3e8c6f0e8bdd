import type { Finding } from "../core/kernel/events.js";
import type { Exchange } from "../core/kernel/exchange.js";
import { type RuleResult, type RuleStatus, type Tally, verdictOf } from "../judge/verdict/tally.js";
import { type Coverage, coverageOf } from "./coverage.js";
import { markdownCell } from "./escape.js";
import { clip, exchangeText } from "./exchange-text.js";
import { curlCommand, replayCommand } from "./replay.js";
import { anchorOf, type Violation, violationsOf } from "./violations.js";

const MARK: Record<RuleStatus, string> = {
  pass: "✅ pass",
  fail: "❌ FAIL",
  warn: "⚠️ warning",
  observed: "👁 observed",
  error: "⛔ not judged (error)",
  "not-judged": "➖ not judged",
};
/** Folded occurrences listed per rule: past them, conformance.json has the rest. With the clips below
 * the file stays far under GitHub's 1 MiB step-summary limit, whatever the target answers. */
const MAX_FOLDED = 12;
const MAX_LINES = 200;

const cell = (s: string, n = 300): string => markdownCell(s, n);
const fence = (s: string): string => `\`\`\`\n${s.replace(/```/g, "`\u200b``")}\n\`\`\``;
const oneLine = (s: string, n: number): string => clip(s, n).replace(/\s*\n\s*/g, " ");

function exchangeBlock(ex: Exchange): string[] {
  const { request, response } = exchangeText(ex);
  return ["Request:", fence(request), "Response:", fence(response)];
}

const where = (f: Finding): string[] =>
  f.instancePath !== undefined
    ? [
        `- **Where:** \`${f.instancePath || "(the status line)"}\`: expected ${clip(f.expected ?? "", 200)}, got ${clip(f.actual ?? "", 200)}`,
      ]
    : [];

/**
 * One violated rule, as a reader needs it (issue 22): what to fix, the most direct evidence in full
 * (the case built for the rule, its smallest exchange), and every other occurrence folded.
 */
function violationBlock(t: Tally, v: Violation): string[] {
  const { rule } = v.result;
  const [lead, ...rest] = v.evidence;
  const icon = rule.level === "MUST" ? "❌" : "⚠️";
  const out = [
    `<a id="${anchorOf(rule.id)}"></a>`,
    "",
    `### ${icon} \`${rule.id}\` (${rule.level}): ${rule.title}`,
    "",
  ];
  if (rule.fix) out.push(`**Fix:** ${rule.fix}`, "");
  if (!lead) return out;
  out.push(
    `- **What happened** (case \`${lead.caseId}\`): ${clip(lead.finding.message, 1000)}`,
    ...where(lead.finding),
    `- **Source:** ${rule.source} — “${rule.clause}”`,
    "",
  );
  if (lead.finding.exchange) out.push(...exchangeBlock(lead.finding.exchange));
  const replay = [
    t.info ? replayCommand(t.info, lead.caseId, lead.finding.replay) : "",
    lead.finding.exchange ? curlCommand(lead.finding.exchange) : "",
  ].filter(Boolean);
  if (replay.length) out.push("Replay:", fence(replay.join("\n")));
  const others = v.total - 1;
  if (others > 0) {
    const cases = [...new Set(v.evidence.map((e) => e.caseId))];
    out.push(
      "",
      `<details><summary>${others} more occurrence(s) of this rule (cases: ${cases.join(", ")})</summary>`,
      "",
      ...rest
        .slice(0, MAX_FOLDED)
        .map(
          (e) =>
            `- \`${e.caseId}\`: ${oneLine(e.finding.message, 300)}${t.info ? ` — replay: \`${replayCommand(t.info, e.caseId, e.finding.replay).replace(/`/g, "'")}\`` : ""}`,
        ),
      ...(others > Math.min(rest.length, MAX_FOLDED)
        ? [`- … ${others - Math.min(rest.length, MAX_FOLDED)} more, with evidence, in conformance.json`]
        : []),
      "",
      "</details>",
    );
  }
  out.push("");
  return out;
}

/** At most MAX_LINES of a list, then how many more there are. */
const capped = (lines: string[]): string[] =>
  lines.length > MAX_LINES
    ? [...lines.slice(0, MAX_LINES), `- … and ${lines.length - MAX_LINES} more (conformance.json)`]
    : lines;

/** The short list the report opens with: one line per violated rule, linked to its entry. */
function whatBroke(violations: Violation[]): string[] {
  if (violations.length === 0) return [];
  return [
    "## What broke",
    "",
    ...violations.map((v) => {
      const r = v.result.rule;
      return `- ${r.level === "MUST" ? "❌" : "⚠️"} [\`${r.id}\`](#${anchorOf(r.id)}) (${r.level}, ${v.total} occurrence(s)): ${r.title}`;
    }),
    "",
  ];
}

function observedSection(results: RuleResult[]): string[] {
  const observed = results.filter((r) => r.status === "observed");
  if (!observed.length) return [];
  const out = [
    "## Observed behaviour (OPEN: reported, never judged)",
    "",
    "| Rule | What the target did |",
    "|---|---|",
  ];
  for (const r of observed) {
    const values = [...r.byCase.values()].flatMap((c) => c.observations.map((o) => o.value));
    const shown = [...new Set(values)].slice(0, 5).map((v) => clip(v, 200));
    out.push(`| \`${r.rule.id}\` ${cell(r.rule.title)} | ${cell(shown.join("; "), 1200)} |`);
  }
  return [...out, ""];
}

/** conformance.md: the verdict and what broke first, each violated rule once with a fix, then every rule. */
export function renderMarkdown(t: Tally): string {
  const results = t.results();
  const counts = t.counts(results);
  const code = t.exitCode(results);
  const verdict = {
    CONFORMANT: "✅ CONFORMANT: every MUST rule holds and valid requests were accepted",
    "NOT CONFORMANT": "❌ NOT CONFORMANT: a MUST rule is violated",
    "NOT JUDGED": `⛔ NOT JUDGED: ${t.unjudgedReason(results) ?? "the suite could not finish judging"}`,
    INTERRUPTED: `⏹ INTERRUPTED by ${t.interrupted}: the rules below were judged before it`,
  }[verdictOf(code)];
  const violations = violationsOf(results);
  const must = violations.filter((v) => v.result.rule.level === "MUST");
  const should = violations.filter((v) => v.result.rule.level !== "MUST");
  const out = [
    "# v4/sns/group_add conformance report",
    "",
    `**${verdict}**${t.incomplete ? " (run incomplete: interrupted or stopped early)" : ""}`,
    "",
    `- Target: ${t.info?.target ?? "?"}`,
    `- Seed: ${t.info?.seed ?? "?"} · started ${t.info?.startedAt ?? "?"} · ${(t.ms / 1000).toFixed(1)} s · ${t.exchanges} exchanges`,
    `- Rules: ${counts.pass} pass, ${counts.fail} fail, ${counts.warn} warnings, ${counts.observed} observed, ${counts.error} errors, ${counts["not-judged"]} not judged`,
    coverageLine(coverageOf(t)),
    "",
    ...whatBroke(violations),
    ...(must.length ? ["## Violations (MUST)", "", ...must.flatMap((v) => violationBlock(t, v))] : []),
    ...(should.length ? ["## Warnings (SHOULD)", "", ...should.flatMap((v) => violationBlock(t, v))] : []),
    "## Every rule",
    "",
    "| Rule | Level | Verdict | Generated cases | Title | Source |",
    "|---|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| \`${r.rule.id}\` | ${r.rule.level} | ${MARK[r.status]} | ${t.generated.get(r.rule.id) ?? 0} | ${cell(r.rule.title)} | ${cell(r.rule.source)} |`,
    ),
    "",
    ...observedSection(results),
  ];
  if (t.notices.length) out.push("## Notices", "", ...capped(t.notices.map((n) => `- ${clip(n, 300)}`)), "");
  if (t.caseErrors.length) {
    out.push("## Suite errors (not judged; not the target's fault as far as the suite can tell)", "");
    out.push(...capped(t.caseErrors.map((e) => `- \`${e.caseId}\`: ${e.code} — ${clip(e.message, 500)}`)));
    out.push("");
  }
  const skipped = results.flatMap((r) =>
    [...r.byCase].flatMap(([caseId, c]) =>
      c.skips.map((s) => `- \`${r.rule.id}\` in \`${caseId}\`: ${clip(s, 300)}`),
    ),
  );
  if (skipped.length) out.push("## Skipped", "", ...capped(skipped), "");
  return `${out.join("\n")}\n`;
}

/** One line on the documented input domain: how much of it the run sent (conformance.json has each class). */
function coverageLine(c: Coverage): string {
  const never = c.missing.length
    ? `; never sent: ${c.missing.slice(0, 12).join(", ")}${c.missing.length > 12 ? ` and ${c.missing.length - 12} more` : ""}`
    : "";
  return `- Input domain (specs/input-domain.json): ${c.exercised} of ${c.classes} classes sent (${c.percent} %)${never}`;
}
