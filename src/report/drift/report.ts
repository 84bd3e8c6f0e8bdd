import { markdownCell } from "../escape.js";
import type { Drift } from "./compare.js";

const cell = (s: string): string => markdownCell(s, 160);

/** drift.md: what changed since the recording, breaking changes first. */
export function renderDriftMarkdown(d: Drift, recording: string, target: string): string {
  const out = [
    "# group_add drift report",
    "",
    `**${d.failed ? "❌ DRIFT TOUCHES A MUST RULE OR THE SCHEMAS" : d.changes.length || d.verdicts.length || d.openBehaviours.length ? "⚠️ DRIFT (no MUST rule or schema affected)" : "✅ NO DRIFT"}**`,
    "",
    `- Recording: ${recording}`,
    `- Target: ${target}`,
    `- Exchanges: ${d.exchanges.before} recorded, ${d.exchanges.after} now, ${d.exchanges.paired} paired`,
    "",
  ];
  if (d.verdicts.length) {
    out.push("## Verdicts that changed", "", "| Rule | Level | Before | Now |", "|---|---|---|---|");
    for (const v of d.verdicts) out.push(`| \`${v.rule}\` | ${v.level} | ${v.before} | ${v.after} |`);
    out.push("");
  }
  if (d.changes.length) {
    out.push(
      "## Field changes",
      "",
      "| Breaking | Kind | Command | Field | Before | Now | Exchanges |",
      "|---|---|---|---|---|---|---|",
    );
    const sorted = [...d.changes].sort(
      (a, b) => Number(b.breaking) - Number(a.breaking) || b.count - a.count,
    );
    for (const c of sorted)
      out.push(
        `| ${c.breaking ? "yes" : ""} | ${c.kind} | ${c.command} | \`${cell(c.field)}\` | ${cell(c.before)} | ${cell(c.after)} | ${c.count} |`,
      );
    out.push("");
  }
  if (d.openBehaviours.length) {
    out.push("## Open behaviours that changed (information)", "", "| Rule | Before | Now |", "|---|---|---|");
    for (const o of d.openBehaviours)
      out.push(`| \`${o.rule}\` | ${cell(o.before.join("; "))} | ${cell(o.after.join("; "))} |`);
    out.push("");
  }
  return `${out.join("\n")}\n`;
}
