import type { Finding } from "../core/kernel/events.js";
import type { RuleResult } from "../judge/verdict/tally.js";

/** One failing judgement of a rule, with the case it came from. */
export interface Evidence {
  caseId: string;
  finding: Finding;
}

/** A violated rule as the reports lead with it: its most direct evidence first, the rest after. */
export interface Violation {
  result: RuleResult;
  /** the kept evidence, most direct first: `evidence[0]` is shown in full, the rest folded */
  evidence: Evidence[];
  /** every failing judgement of the rule, kept or not (the tally keeps a few per case) */
  total: number;
}

/** How big an exchange is to read: request and answer bodies. No exchange reads as the largest. */
const sizeOf = (f: Finding): number =>
  f.exchange
    ? f.exchange.request.body.length + (f.exchange.response?.body.length ?? 0)
    : Number.POSITIVE_INFINITY;

/**
 * Issue 22: a cap fault was first shown through an auth edge case repeated six times. The case
 * built for the rule (its `judgedBy` order in specs/rules.json) comes first, then any other case;
 * within that, the smallest exchange, so the reader meets the shortest proof.
 */
export function rankEvidence(r: RuleResult): Evidence[] {
  const built = (caseId: string): number => {
    const k = r.rule.judgedBy.indexOf(caseId);
    return k < 0 ? r.rule.judgedBy.length : k;
  };
  const all = [...r.byCase].flatMap(([caseId, c]) => c.failures.map((finding) => ({ caseId, finding })));
  return all
    .map((e, k) => ({ e, k, rank: built(e.caseId), size: sizeOf(e.finding) }))
    .sort((a, b) => a.rank - b.rank || a.size - b.size || a.k - b.k)
    .map((x) => x.e);
}

/** The violated MUST rules, then the SHOULD warnings, each once, in the catalogue's order. */
export function violationsOf(results: readonly RuleResult[]): Violation[] {
  const hit = [...results.filter((r) => r.status === "fail"), ...results.filter((r) => r.status === "warn")];
  return hit.map((result) => ({
    result,
    evidence: rankEvidence(result),
    total: [...result.byCase.values()].reduce((n, c) => n + c.failureCount, 0),
  }));
}

/** The anchor a report links a rule's entry by. */
export const anchorOf = (ruleId: string): string => `rule-${ruleId}`;
