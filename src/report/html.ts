import type { Finding } from "../core/kernel/events.js";
import type { Exchange } from "../core/kernel/exchange.js";
import type { CaseRecord, RuleResult, Tally } from "../judge/verdict/tally.js";
import { verdictOf } from "../judge/verdict/tally.js";
import { bars, histogram, line } from "./charts.js";
import { type Coverage, coverageOf } from "./coverage.js";
import { escapeMarkup } from "./escape.js";
import { clip, exchangeText } from "./exchange-text.js";
import { recordsOf, testcasesOf } from "./junit.js";
import { curlCommand, replayCommand } from "./replay.js";
import { anchorOf, type Evidence, type Violation, violationsOf } from "./violations.js";

const esc = escapeMarkup;

/**
 * The one stylesheet, inline: the file is self-contained and asks the network for nothing. Long
 * text wraps (issue 22: a URL or a 1000-entry list cut at the page's edge hid the evidence).
 */
export const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1b1b1b;max-width:1200px}h1{font-size:22px}
p,li,td,th,code,summary{overflow-wrap:anywhere}
.verdict{font-size:20px;font-weight:700;padding:10px 14px;border-radius:6px;display:inline-block}
.CONFORMANT{background:#d9f2dd}.NOT-CONFORMANT{background:#f8d4d4}.NOT-JUDGED,.INTERRUPTED{background:#eee3c6}
table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;padding:3px 6px;font-size:12px;vertical-align:top}
th.case{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
td.pass{background:#7ccf8a}td.fail{background:#e06666}td.warn{background:#f1c232}td.observed{background:#9fc5e8}
td.error{background:#b4a7d6}td.skipped{background:#ddd}td.none{background:#fff}
pre{background:#f6f6f6;padding:8px;overflow:auto;max-height:320px;font-size:12px;white-space:pre-wrap;overflow-wrap:anywhere}
section.rule{border-left:4px solid #e06666;padding:2px 12px;margin:14px 0}section.SHOULD{border-color:#f1c232}
.fix{background:#eef6ff;border:1px solid #b6d4f5;border-radius:4px;padding:6px 10px}
figure{margin:12px 0}svg{max-width:680px;background:#fafafa}.ttl{font-weight:700;font-size:13px}
.lbl,.val{font-size:11px}.bar{fill:#6fa8dc}.line{fill:none;stroke:#3d85c6;stroke-width:1.5}
tr.differs td:first-child{font-weight:700;background:#fff2cc}table.wide td{max-width:360px}
.reset{stroke:#cc4125;stroke-dasharray:3 3}.resetlbl{font-size:10px;fill:#cc4125}`;

const MARK: Record<string, string> = {
  pass: "✓",
  fail: "✗",
  warn: "!",
  observed: "◉",
  error: "⛔",
  skipped: "–",
  none: "",
};

/** A matrix cell: the same record the rule's JUnit testcase holds (strays folded in), as a colour. */
function cellStatus(r: RuleResult, rec: CaseRecord | undefined, known: boolean): string {
  if (!known) return "none";
  if (!rec) return "skipped";
  if (rec.failureCount > 0) return r.rule.level === "MUST" ? "fail" : "warn";
  if (rec.observations.length > 0) return "observed";
  if (rec.passes > 0) return "pass";
  return rec.errors.length > 0 ? "error" : "skipped";
}

/** The documented input domain, class by class: how often each was sent and what judged it. */
function coverageHtml(c: Coverage): string {
  const rows = c.fields.flatMap((f) =>
    f.classes.map(
      (k, i) =>
        `<tr>${i === 0 ? `<td rowspan="${f.classes.length}">${esc(f.id)}</td>` : ""}<td class="${k.sent ? "pass" : "fail"}">${esc(k.id)}</td><td>${esc(k.title)}</td><td>${esc(k.expect)}</td><td>${k.sent}</td><td>${esc(k.rules.join(", "))}</td></tr>`,
    ),
  );
  return `<h2 id="coverage">Input domain covered: ${c.exercised} of ${c.classes} classes (${c.percent} %)</h2>
<p>Each class of specs/input-domain.json, how many requests of it this run sent, and the rules that judged their answers.${c.missing.length ? ` Never sent: ${esc(c.missing.join(", "))}.` : ""}</p>
<table><tr><th>Field</th><th>Class</th><th>What</th><th>Expected</th><th>Sent</th><th>Judged by</th></tr>${rows.join("\n")}</table>`;
}

function exchangeHtml(ex: Exchange): string {
  const { request, response } = exchangeText(ex);
  return `<p>Request</p><pre>${esc(request)}</pre><p>Response</p><pre>${esc(response)}</pre>`;
}

const whereHtml = (f: Finding): string =>
  f.instancePath !== undefined
    ? `<p><b>Where:</b> <code>${esc(f.instancePath || "(the status line)")}</code>: expected ${esc(clip(f.expected ?? "", 200))}, got ${esc(clip(f.actual ?? "", 200))}</p>`
    : "";

/** Folded occurrences listed per rule; conformance.json has every kept one. */
const MAX_FOLDED = 12;

/** One violated rule (issue 22): the fix, the most direct evidence in full, the other occurrences folded. */
function violationHtml(t: Tally, v: Violation): string {
  const { rule } = v.result;
  const [lead, ...rest] = v.evidence;
  const replay = (e: Evidence) => (t.info ? replayCommand(t.info, e.caseId, e.finding.replay) : "");
  const head = `<section class="rule ${rule.level}" id="${esc(anchorOf(rule.id))}"><h3>${rule.level === "MUST" ? "✗" : "!"} ${esc(rule.id)} (${rule.level}): ${esc(rule.title)}</h3>
${rule.fix ? `<p class="fix"><b>Fix:</b> ${esc(rule.fix)}</p>` : ""}`;
  if (!lead) return `${head}</section>`;
  const f = lead.finding;
  const others = v.total - 1;
  const folded =
    others > 0
      ? `<details><summary>${others} more occurrence(s) of this rule (cases: ${esc([...new Set(v.evidence.map((e) => e.caseId))].join(", "))})</summary><ul>${rest
          .slice(0, MAX_FOLDED)
          .map(
            (e) =>
              `<li><code>${esc(e.caseId)}</code>: ${esc(clip(e.finding.message, 300))}<pre>${esc(replay(e))}</pre></li>`,
          )
          .join(
            "",
          )}${others > Math.min(rest.length, MAX_FOLDED) ? `<li>… ${others - Math.min(rest.length, MAX_FOLDED)} more, with evidence, in conformance.json</li>` : ""}</ul></details>`
      : "";
  return `${head}<p><b>What happened</b> (case <code>${esc(lead.caseId)}</code>): ${esc(clip(f.message, 1000))}</p>${whereHtml(f)}
<p><b>Source:</b> ${esc(rule.source)} — “${esc(rule.clause)}”</p>
${f.exchange ? exchangeHtml(f.exchange) : ""}<p>Replay</p><pre>${esc([replay(lead), f.exchange ? curlCommand(f.exchange) : ""].filter(Boolean).join("\n"))}</pre>${folded}</section>`;
}

/** The rule × case grid, coloured by verdict: after the violations, for the whole picture. */
function gridHtml(results: RuleResult[]): string {
  const cases = [...new Set(results.flatMap((r) => r.testcases ?? testcasesOf(r.rule.id)))];
  return [
    `<table class="matrix"><tr><th>Rule</th><th>Level</th><th>Verdict</th>${cases.map((c) => `<th class="case">${esc(c)}</th>`).join("")}</tr>`,
    ...results.map((r) => {
      const records = recordsOf(r);
      const id = ["fail", "warn"].includes(r.status)
        ? `<a href="#${esc(anchorOf(r.rule.id))}">${esc(r.rule.id)}</a>`
        : esc(r.rule.id);
      return `<tr><td>${id}</td><td>${r.rule.level}</td><td>${esc(r.status)}</td>${cases
        .map((c) => {
          const s = cellStatus(r, records.get(c), records.has(c));
          return `<td class="${s}" title="${esc(`${r.rule.id} in ${c}: ${s}`)}">${MARK[s] ?? ""}</td>`;
        })
        .join("")}</tr>`;
    }),
    "</table>",
  ].join("\n");
}

/**
 * conformance.html: one self-contained file (inline style and SVG, no script, no network). It leads
 * with the verdict and what broke (issue 22: the violations sat 1600 px down, below the grid): one
 * entry per violated rule with its fix and its most direct evidence, then the rule × case grid, the
 * observed open behaviours, and charts of the run's own figures.
 */
export function renderHtml(t: Tally, exitCode = t.exitCode()): string {
  const results = t.results();
  const verdict = verdictOf(exitCode);
  const counts = t.counts(results);
  const violations = violationsOf(results);
  const broke = violations.length
    ? `<h2>What broke</h2><ul>${violations
        .map(
          (v) =>
            `<li>${v.result.rule.level === "MUST" ? "✗" : "!"} <a href="#${esc(anchorOf(v.result.rule.id))}">${esc(v.result.rule.id)}</a> (${v.result.rule.level}, ${v.total} occurrence(s)): ${esc(v.result.rule.title)}</li>`,
        )
        .join("")}</ul>${violations.map((v) => violationHtml(t, v)).join("\n")}`
    : "<p>No rule was violated.</p>";
  const observed = results
    .filter((r) => r.status === "observed")
    .map((r) => {
      const values = [
        ...new Set([...r.byCase.values()].flatMap((c) => c.observations.map((o) => o.value))),
      ].slice(0, 5);
      return `<tr><td>${esc(r.rule.id)}</td><td>${esc(r.rule.title)}</td><td>${esc(clip(values.join(" | "), 600))}</td></tr>`;
    })
    .join("\n");
  const charts = [
    bars(
      "Time per case",
      [...t.caseMs].map(([c, ms]) => [c, ms]),
      "ms",
    ),
    histogram("Names per generated valid request", t.series.names, "names"),
    histogram("To_Account entries per generated valid request", t.series.toAccounts, "accounts"),
    line(
      `CurrentSequence over the stateful run (${t.series.sequence.length} answers)`,
      t.series.sequence,
      t.series.resets,
    ),
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>group_add conformance: ${esc(verdict)}</title><style>${STYLE}</style></head>
<body><h1>v4/sns/group_add conformance report</h1>
<p class="verdict ${verdict.replace(/ /g, "-")}" id="verdict">${esc(verdict)}${t.incomplete ? " (run incomplete)" : ""}</p>
<p>Target: ${esc(t.info?.target ?? "?")} · seed ${t.info?.seed ?? "?"} · ${(t.ms / 1000).toFixed(1)} s · ${t.exchanges} exchanges · ${counts.pass} pass, ${counts.fail} fail, ${counts.warn} warnings, ${counts.observed} observed, ${counts.error} errors, ${counts["not-judged"]} not judged</p>
${broke}
<h2 id="grid">Rules by case</h2>${gridHtml(results)}
<h2>Observed behaviour (OPEN: reported, never judged)</h2><table><tr><th>Rule</th><th>Question</th><th>What the target did</th></tr>${observed}</table>
<h2>The run in pictures</h2>${charts}
${coverageHtml(coverageOf(t))}
</body></html>
`;
}
