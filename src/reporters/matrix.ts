import type { RuleStatus, Tally } from "../runner/tally.js";

const MARK: Record<RuleStatus, string> = {
  pass: "✅",
  fail: "❌ FAIL",
  warn: "⚠️ warn",
  observed: "👁",
  error: "⛔ error",
  "not-judged": "➖",
};
const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ").slice(0, 80);

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
