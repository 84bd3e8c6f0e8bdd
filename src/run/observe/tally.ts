import type { Rule } from "../../core/kernel/rule.js";
import { RULES } from "../../core/rules/catalogue.js";
import { CLIENT_RULES } from "../../emulator/client/rules.js";
import { type RuleResult, Tally } from "../../judge/verdict/tally.js";

/** The one case of an observation: every finding is about the traffic that passed. */
export const OBSERVED = "observed traffic";

/** The client-side rules (src/emulator/client/rules.ts) in the catalogue's shape, after the service's rules. */
export const CLIENT_CATALOGUE: readonly Rule[] = CLIENT_RULES.map((r) => ({
  id: r.id,
  title: r.title,
  level: r.level,
  source: r.source,
  clause: r.source,
  judgedBy: ["the client judge (src/emulator/client/check.ts)"],
}));

/** What an observation counted beyond the rules: shown first among the report's notices. */
export interface ObserveCounts {
  /** requests that passed, answered or not, by command ("" for a path that names none) */
  byCommand: Map<string, number>;
  /** group_add answers the service-side rules judged: the evidence a verdict needs */
  judgedAnswers: number;
  /** no answer, or a gateway status (docs/sources/tencent-im-rest.md §3.2: a network error, not the service's answer) */
  upstreamFailures: number;
  /** calls not judged against the model because another call of the same account overlapped them */
  overlapped: number;
  /** requests or answers past the copy limit: forwarded whole, judged not at all */
  tooLarge: number;
  /** exchanges the client closed before the answer came: nobody's fault, not judged */
  clientGaveUp: number;
}

/**
 * The Tally of an observation: the service's rules and the client's, one stable testcase per
 * rule (the traffic), and its own evidence. CONFORMANT needs at least one group_add answer the
 * service-side rules judged; nothing judgeable is NOT JUDGED (3), whatever else passed.
 */
export class ObserveTally extends Tally {
  readonly seen: ObserveCounts = {
    byCommand: new Map(),
    judgedAnswers: 0,
    upstreamFailures: 0,
    overlapped: 0,
    tooLarge: 0,
    clientGaveUp: 0,
  };
  /** what a person should know beyond the rules (upstream failures, caps reached), bounded */
  readonly notes: string[] = [];

  constructor() {
    super([...RULES, ...CLIENT_CATALOGUE]);
  }

  override results(): RuleResult[] {
    return super.results().map((r) => ({ ...r, testcases: [OBSERVED] }));
  }

  override evidence(): number {
    return this.seen.judgedAnswers;
  }

  override unjudgedReason(): string | undefined {
    if (this.evidence() > 0) return undefined;
    const passed = [...this.seen.byCommand.values()].reduce((a, b) => a + b, 0);
    const failed = this.seen.upstreamFailures;
    return `no group_add answer came back through the observer, so nothing about group_add was judged (${passed} request(s) passed${failed ? `, ${failed} without an answer from the upstream` : ""})`;
  }
}
