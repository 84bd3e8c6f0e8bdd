import type { Exchange } from "../../core/kernel/exchange.js";

/**
 * What the HTML report draws of a run: generated payload sizes and the stateful run's sequence,
 * bounded so that 100k cases stay flat in memory.
 */
export class Series {
  readonly names: number[] = [];
  readonly toAccounts: number[] = [];
  readonly sequence: number[] = [];
  /** where in `sequence` a stateful part began on freshly reset accounts (the plot marks them) */
  readonly resets: number[] = [];

  /**
   * What `sample` reads of an exchange, and no more: a shard's event log (conformance.json
   * `shard.events`) keeps exchanges in this form, so merging shards folds the same as one run.
   */
  static slim(caseId: string, ex: Exchange): Exchange {
    const seq = (ex.json as { CurrentSequence?: unknown } | undefined)?.CurrentSequence;
    const drawn = ex.command === "group_add" && caseId === "property-valid";
    return {
      seq: ex.seq,
      command: ex.command,
      request: { method: ex.request.method, url: "", headers: {}, body: drawn ? ex.request.body : "" },
      ...(caseId === "stateful" && seq !== undefined ? { json: { CurrentSequence: seq } } : {}),
      ms: ex.ms,
    };
  }

  sample(caseId: string, ex: Exchange): void {
    if (ex.command === "group_add" && caseId === "property-valid" && this.names.length < 5000) {
      try {
        const b = JSON.parse(ex.request.body) as { GroupName?: unknown; To_Account?: unknown };
        if (Array.isArray(b.GroupName)) this.names.push(b.GroupName.length);
        this.toAccounts.push(Array.isArray(b.To_Account) ? b.To_Account.length : 0);
      } catch {
        // a raw body: nothing to draw
      }
    }
    const seq = (ex.json as { CurrentSequence?: unknown } | undefined)?.CurrentSequence;
    if (caseId === "stateful" && Number.isInteger(seq) && this.sequence.length < 2000)
      this.sequence.push(seq as number);
  }

  /** A stateful part began on reset accounts: the sequence starts again here (issue 22). */
  reset(): void {
    const at = this.sequence.length;
    if (at > 0 && this.resets.at(-1) !== at) this.resets.push(at);
  }
}
