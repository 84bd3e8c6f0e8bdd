import { type RuleStatus, type Tally, verdictOf } from "../verdict/tally.js";
import { escapeMarkup, markdownCell } from "./escape.js";
import { STYLE } from "./html.js";

const MARK: Record<RuleStatus, string> = {
  pass: "✅",
  fail: "❌ FAIL",
  warn: "⚠️ warn",
  observed: "👁",
  error: "⛔ error",
  "not-judged": "➖",
};
const cell = (s: string): string => markdownCell(s, 80);

export interface MatrixColumn {
  name: string;
  tally: Tally;
}

function observed(t: Tally, rule: string): string {
  const r = t.results().find((x) => x.rule.id === rule);
  return [
    ...new Set([...(r?.byCase.values() ?? [])].flatMap((c) => c.observations.map((o) => o.value))),
  ].join("; ");
}

/** matrix.md: one row per rule, one column per target, like Autobahn|Testsuite's implementation matrix. */
export function renderMatrix(cols: MatrixColumn[], incomplete = false): string {
  const results = cols.map((c) => new Map(c.tally.results().map((r) => [r.rule.id, r])));
  const rules = cols[0]?.tally.results().map((r) => r.rule) ?? [];
  const head = `| Rule | Level | ${cols.map((c) => cell(c.name)).join(" | ")} |`;
  const sep = `|---|---|${cols.map(() => "---").join("|")}|`;
  const verdicts = cols.map((c) => {
    const code = c.tally.exitCode();
    return code === 0 ? "✅ conformant" : code === 1 ? "❌ not conformant" : "⛔ not judged";
  });
  const out = [
    "# group_add conformance matrix",
    "",
    ...(incomplete
      ? ["> **Incomplete**: interrupted or stopped early; only the targets below ran.", ""]
      : []),
    head,
    sep,
    `| **Verdict** | | ${verdicts.join(" | ")} |`,
  ];
  for (const rule of rules) {
    const cells = results.map((m) => {
      const r = m.get(rule.id);
      return r ? MARK[r.status] : "";
    });
    const differs = new Set(cells).size > 1 ? " ◀" : "";
    out.push(`| \`${rule.id}\`${differs} | ${rule.level} | ${cells.join(" | ")} |`);
  }
  out.push(
    "",
    "◀ marks rules on which the targets differ.",
    "",
    "## Observed open behaviours",
    "",
    head.replace("| Level ", ""),
    `|---|${cols.map(() => "---").join("|")}|`,
  );
  for (const rule of rules.filter((r) => r.level === "OPEN")) {
    out.push(`| \`${rule.id}\` | ${cols.map((c) => cell(observed(c.tally, rule.id)) || "—").join(" | ")} |`);
  }
  return `${out.join("\n")}\n`;
}

/** matrix.html: the same side by side, coloured, self-contained (Autobahn|Testsuite's style). */
export function renderMatrixHtml(cols: MatrixColumn[], incomplete = false): string {
  const esc = escapeMarkup;
  const results = cols.map((c) => new Map(c.tally.results().map((r) => [r.rule.id, r])));
  const rules = cols[0]?.tally.results().map((r) => r.rule) ?? [];
  const head = `<tr><th>Rule</th><th>Level</th>${cols.map((c) => `<th>${esc(c.name)}</th>`).join("")}</tr>`;
  const verdicts = `<tr><th>Verdict</th><th></th>${cols.map((c) => `<th>${esc(verdictOf(c.tally.exitCode()))}</th>`).join("")}</tr>`;
  const rows = rules.map((rule) => {
    const cells = results.map((m) => m.get(rule.id)?.status ?? "");
    const differs = new Set(cells).size > 1 ? " ◀" : "";
    return `<tr><td>${esc(rule.id)}${differs}</td><td>${rule.level}</td>${cells
      .map((s, k) => {
        const seen = rule.level === "OPEN" ? observed((cols[k] as MatrixColumn).tally, rule.id) : "";
        const cls = s === "not-judged" ? "skipped" : s;
        return `<td class="${cls}" title="${esc(seen)}">${esc(seen ? seen.slice(0, 60) : s)}</td>`;
      })
      .join("")}</tr>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>group_add conformance matrix</title><style>${STYLE}</style></head>
<body><h1>group_add conformance matrix</h1>${incomplete ? "<p><b>Incomplete</b>: interrupted or stopped early.</p>" : ""}
<table>${head}${verdicts}${rows.join("\n")}</table><p>◀ marks rules on which the targets differ.</p></body></html>
`;
}
