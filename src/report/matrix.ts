import { type RuleStatus, type Tally, verdictOf } from "../judge/verdict/tally.js";
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

/** At most `max` characters, cut at a word's end and said so: OPEN answers were cut mid-word (issue 22). */
export function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const space = s.lastIndexOf(" ", max);
  return `${s.slice(0, space > max / 2 ? space : max).replace(/[;,]$/, "")} … (${s.length} characters; matrix.json has all)`;
}

/**
 * Whether a rule's row differs between the targets: its verdict, and for an OPEN rule (always
 * "observed") what each target did, so two different answers to an open question are marked.
 */
export function rowDiffers(cols: MatrixColumn[], rule: { id: string; level: string }): boolean {
  const verdicts = cols.map((c) => c.tally.results().find((r) => r.rule.id === rule.id)?.status ?? "");
  if (new Set(verdicts).size > 1) return true;
  return rule.level === "OPEN" && new Set(cols.map((c) => observed(c.tally, rule.id))).size > 1;
}

export interface MatrixColumn {
  name: string;
  tally: Tally;
}

export function observed(t: Tally, rule: string): string {
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
    const differs = rowDiffers(cols, rule) ? " ◀" : "";
    out.push(`| \`${rule.id}\`${differs} | ${rule.level} | ${cells.join(" | ")} |`);
  }
  out.push(
    "",
    "◀ marks rules on which the targets differ: another verdict, or for an OPEN rule another answer.",
    "",
    "## Observed open behaviours",
    "",
    head.replace("| Level ", ""),
    `|---|${cols.map(() => "---").join("|")}|`,
  );
  for (const rule of rules.filter((r) => r.level === "OPEN")) {
    const differs = rowDiffers(cols, rule) ? " ◀" : "";
    out.push(
      `| \`${rule.id}\`${differs} | ${cols.map((c) => markdownCell(cutAtWord(observed(c.tally, rule.id), 400)) || "—").join(" | ")} |`,
    );
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
    const differs = rowDiffers(cols, rule);
    // OPEN text is shown whole and wraps (the stylesheet breaks long words): nothing cut mid-word.
    return `<tr${differs ? ' class="differs"' : ""}><td>${esc(rule.id)}${differs ? " ◀" : ""}</td><td>${rule.level}</td>${cells
      .map((s, k) => {
        const seen = rule.level === "OPEN" ? observed((cols[k] as MatrixColumn).tally, rule.id) : "";
        const cls = s === "not-judged" ? "skipped" : s;
        return `<td class="${cls}">${esc(seen ? cutAtWord(seen, 600) : s)}</td>`;
      })
      .join("")}</tr>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>group_add conformance matrix</title><style>${STYLE}</style></head>
<body><h1>group_add conformance matrix</h1>${incomplete ? "<p><b>Incomplete</b>: interrupted or stopped early.</p>" : ""}
<table class="wide">${head}${verdicts}${rows.join("\n")}</table><p>◀ marks rules on which the targets differ: another verdict, or for an OPEN rule another answer.</p></body></html>
`;
}
