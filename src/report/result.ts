import { EXIT } from "../core/kernel/errors.js";
import type { Level } from "../core/kernel/rule.js";
import { type RuleStatus, type Tally, verdictOf } from "../judge/verdict/tally.js";

export interface RuleVerdict {
  id: string;
  level: Level;
  title: string;
  source: string;
  verdict: RuleStatus;
  /** what went wrong, one message per kept failure */
  failures: string[];
}

export interface ConformanceResult {
  exitCode: number;
  verdict: ReturnType<typeof verdictOf>;
  rules: RuleVerdict[];
  /** the MUST rules that failed, by id */
  violated: string[];
  /** why the run is not judged, when it is not */
  unjudged?: string;
  /** conformance.json, as an object */
  report: unknown;
}

/** The verdict of a tally as the library returns it: per rule, the exit code, and conformance.json as written. */
export function conformanceResult(
  tally: Tally,
  exitCode: number,
  json: string,
  redact: (s: string) => string,
): ConformanceResult {
  const results = tally.results();
  const rules = results.map((r) => ({
    id: r.rule.id,
    level: r.rule.level,
    title: r.rule.title,
    source: r.rule.source,
    verdict: r.status,
    failures: [...r.byCase.values()].flatMap((c) => c.failures.map((f) => redact(f.message))),
  }));
  const unjudged = exitCode === EXIT.unjudged ? tally.unjudgedReason(results) : undefined;
  return {
    exitCode,
    verdict: verdictOf(exitCode),
    rules,
    violated: rules.filter((r) => r.verdict === "fail").map((r) => r.id),
    ...(unjudged ? { unjudged } : {}),
    report: JSON.parse(json) as unknown,
  };
}
