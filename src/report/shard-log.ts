import type { RunEvent } from "../core/kernel/events.js";
import { Tally } from "../judge/verdict/tally.js";

/**
 * A shard's events, kept for `tim-conformance merge`, cut down to what the tally reads: exchanges
 * to what it samples, passes with their exchange cut the same way, an observation's exchange whole
 * only the first time its value is seen in a case (the tally keeps the first). The canonical order of a run restricted
 * to one shard is that shard's order, so what merge needs first is never the part cut away.
 * Failures keep everything. The log goes into the shard's conformance.json, redacted with the rest.
 */
export class ShardLog {
  readonly events: RunEvent[] = [];
  private readonly seen = new Set<string>();

  readonly listen = (e: RunEvent): void => {
    this.events.push(this.slim(e));
  };

  private slim(e: RunEvent): RunEvent {
    if (e.type === "exchange") return { ...e, exchange: Tally.slim(e.caseId, e.exchange) };
    // A pass keeps only its exchange's number: the coverage of the input domain links rules to it.
    if (e.type === "finding" && e.finding.outcome === "pass" && e.finding.exchange)
      return {
        type: "finding",
        finding: { ...e.finding, exchange: Tally.slim(e.finding.caseId, e.finding.exchange) },
      };
    if (e.type === "observation" && e.observation.exchange) {
      const o = e.observation;
      const ex = e.observation.exchange;
      const key = JSON.stringify([o.rule, o.caseId, o.value]);
      if (this.seen.has(key))
        return { type: "observation", observation: { ...o, exchange: Tally.slim(o.caseId, ex) } };
      this.seen.add(key);
    }
    return e;
  }
}
