import type { Tally } from "../judge/verdict/tally.js";

/** GitHub's workflow-command escaping: the message, and (stricter) a property such as the title. */
const data = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const prop = (s: string): string => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * One `::error` line per violated MUST rule and one `::warning` per SHOULD warning, with the rule's
 * title and its first finding: what GitHub Actions turns into annotations on the run.
 */
export function githubAnnotations(t: Tally): string {
  const lines: string[] = [];
  for (const r of t.results()) {
    if (r.status !== "fail" && r.status !== "warn") continue;
    const first = [...r.byCase.values()].flatMap((c) => c.failures.map((f) => f.message))[0] ?? "";
    const kind = r.status === "fail" ? "error" : "warning";
    const message = `${r.rule.title}: ${first.length > 500 ? `${first.slice(0, 500)}…` : first}`;
    lines.push(`::${kind} title=${prop(`${r.rule.level} ${r.rule.id}`)}::${data(message)}`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}
