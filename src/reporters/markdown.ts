import type { Finding } from "../kernel/events.js";
import type { Exchange } from "../kernel/exchange.js";
import { type RuleResult, type RuleStatus, type Tally, verdictOf } from "../verdict/tally.js";
import { type Coverage, coverageOf } from "./coverage.js";
import { markdownCell } from "./escape.js";
import { clip, exchangeText } from "./exchange-text.js";
import { curlCommand, replayCommand } from "./replay.js";

const MARK: Record<RuleStatus, string> = {
  pass: "✅ pass",
  fail: "❌ FAIL",
  warn: "⚠️ warning",
  observed: "👁 observed",
  error: "⛔ not judged (error)",
  "not-judged": "➖ not judged",
};
/** Evidence blocks shown in all: past them, conformance.json has the rest. With the clips below the
 * file stays far under GitHub's 1 MiB step-summary limit, whatever the target answers. */
const MAX_BLOCKS = 60;
const MAX_LINES = 200;

const cell = (s: string, n = 300): string => markdownCell(s, n);
const fence = (s: string): string => `\`\`\`\n${s.replace(/```/g, "`\u200b``")}\n\`\`\``;

function exchangeBlock(ex: Exchange): string[] {
  const { request, response } = exchangeText(ex);
  return ["Request:", fence(request), "Response:", fence(response)];
}

function findingBlock(t: Tally, r: RuleResult, caseId: string, f: Finding, more: number): string[] {
  const lines = [
    `#### \`${r.rule.id}\` in case \`${caseId}\``,
    "",
    `- **What happened:** ${clip(f.message, 1000)}`,
    ...(f.instancePath !== undefined
      ? [
          `- **Where:** \`${f.instancePath || "(the status line)"}\`: expected ${clip(f.expected ?? "", 200)}, got ${clip(f.actual ?? "", 200)}`,
        ]
      : []),
    `- **Rule (${r.rule.level}):** ${r.rule.title}`,
    `- **Source:** ${r.rule.source} — “${r.rule.clause}”`,
  ];
  if (more > 0) lines.push(`- ${more} more violation(s) of this rule in this case (see conformance.json)`);
  lines.push("");
  if (f.exchange) lines.push(...exchangeBlock(f.exchange));
  lines.push(
    "Replay:",
    fence(
      [t.info ? replayCommand(t.info, caseId, f.replay) : "", f.exchange ? curlCommand(f.exchange) : ""]
        .filter(Boolean)
        .join("\n"),
    ),
    "",
  );
  return lines;
}

function section(
  t: Tally,
  results: RuleResult[],
  status: RuleStatus,
  heading: string,
  budget: { blocks: number },
): string[] {
  const hit = results.filter((r) => r.status === status);
  if (hit.length === 0) return [];
  const out = [`## ${heading}`, ""];
  let held = 0;
  for (const r of hit) {
    for (const [caseId, c] of r.byCase) {
      for (const [k, f] of c.failures.entries()) {
        if (budget.blocks <= 0) {
          held += 1;
          continue;
        }
        budget.blocks -= 1;
        out.push(...findingBlock(t, r, caseId, f, k === 0 ? c.failureCount - c.failures.length : 0));
      }
    }
  }
  if (held > 0) out.push(`${held} more violation(s) with evidence are in conformance.json.`, "");
  return out;
}

/** At most MAX_LINES of a list, then how many more there are. */
const capped = (lines: string[]): string[] =>
  lines.length > MAX_LINES
    ? [...lines.slice(0, MAX_LINES), `- … and ${lines.length - MAX_LINES} more (conformance.json)`]
    : lines;

/** conformance.md: the verdict a person reads, with evidence and replay commands for each violation. */
export function renderMarkdown(t: Tally): string {
  const results = t.results();
  const budget = { blocks: MAX_BLOCKS };
  const counts = t.counts(results);
  const code = t.exitCode(results);
  const verdict = {
    CONFORMANT: "✅ CONFORMANT: every MUST rule holds and valid requests were accepted",
    "NOT CONFORMANT": "❌ NOT CONFORMANT: a MUST rule is violated",
    "NOT JUDGED": `⛔ NOT JUDGED: ${t.unjudgedReason(results) ?? "the suite could not finish judging"}`,
    INTERRUPTED: `⏹ INTERRUPTED by ${t.interrupted}: the rules below were judged before it`,
  }[verdictOf(code)];
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
    "| Rule | Level | Verdict | Generated cases | Title | Source |",
    "|---|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| \`${r.rule.id}\` | ${r.rule.level} | ${MARK[r.status]} | ${t.generated.get(r.rule.id) ?? 0} | ${cell(r.rule.title)} | ${cell(r.rule.source)} |`,
    ),
    "",
    ...section(t, results, "fail", "Violations (MUST)", budget),
    ...section(t, results, "warn", "Warnings (SHOULD)", budget),
  ];
  const observed = results.filter((r) => r.status === "observed");
  if (observed.length) {
    out.push(
      "## Observed behaviour (OPEN: reported, never judged)",
      "",
      "| Rule | What the target did |",
      "|---|---|",
    );
    for (const r of observed) {
      const values = [...r.byCase.values()].flatMap((c) => c.observations.map((o) => o.value));
      const shown = [...new Set(values)].slice(0, 5).map((v) => clip(v, 200));
      out.push(`| \`${r.rule.id}\` ${cell(r.rule.title)} | ${cell(shown.join("; "), 1200)} |`);
    }
    out.push("");
  }
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
