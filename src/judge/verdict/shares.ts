import { SuiteError } from "../../core/kernel/errors.js";
import type { RunEvent, RunInfo } from "../../core/kernel/events.js";

/** What shard `index` of `count` was dealt: its fixed cases and, per generated phase, its parts. */
export interface Share {
  cases: readonly string[];
  parts: ReadonlyMap<string, readonly number[]>;
}

/** How merge knows what each shard should hold: the run's plan, recomputed from its settings. */
export interface Deal {
  share(index: number, count: number): Share;
  /** the rules a case judges: a case no shard judged leaves them not judged */
  rules(caseId: string): readonly string[];
}

/** What a shard's log shows it ran, and whether each unit got to its end. */
export interface Ran {
  index: number;
  count: number;
  complete: boolean;
  cases: ReadonlyMap<string, { ended: boolean; parts: ReadonlyMap<number, RunEvent[]> }>;
}

/** A dealt unit that no shard judged: the merged run is NOT JUDGED for it, never CONFORMANT. */
export interface Missing {
  caseId: string;
  part?: number;
  shard: string;
}

const bad = (m: string) => new SuiteError("TIM_ERR_CONFIG", `merge: ${m}`);

/**
 * The settings that fix what a run judges, as one comparable text per field. The prefix is not one:
 * shards sharing a live app need distinct prefixes (README, "Parallel lanes and shards").
 */
function identity(i: RunInfo): Array<[string, string]> {
  return [
    ["target", i.target],
    ["target flags", i.replayFlags.join(" ")],
    ["runs", JSON.stringify(i.plan?.runs ?? null)],
    ["declared fixtures", String(i.plan?.declared ?? "")],
  ];
}

/** Every shard names the same target and the same settings as the first (issue 21: others were accepted). */
export function checkSameRun(infos: readonly RunInfo[]): void {
  const [first, ...rest] = infos;
  if (!first) return;
  const want = identity(first);
  for (const info of rest) {
    for (const [k, [field, value]] of identity(info).entries()) {
      const expected = want[k]?.[1];
      if (value !== expected)
        throw bad(
          `shard ${info.shard?.index}/${info.shard?.count} and shard ${first.shard?.index}/${first.shard?.count} are not shares of one run: ${field} ${JSON.stringify(value)}, not ${JSON.stringify(expected)}`,
        );
    }
  }
}

/**
 * Holds each shard's log to what it was dealt (issue 21: shard 1's report relabelled as shard 2
 * was merged as CONFORMANT). A case or part it was not dealt is a forgery or another run's: exit 2.
 * A dealt one missing from a log that claims a complete run is the same. A dealt one missing from
 * an interrupted shard is returned: the merged run is then not judged for it.
 */
export function checkDealt(ran: readonly Ran[], deal: Deal, always: string): Missing[] {
  const missing: Missing[] = [];
  for (const r of ran) {
    const who = `shard ${r.index}/${r.count}`;
    const share = deal.share(r.index, r.count);
    const dealt = new Set([always, ...share.cases]);
    for (const [id, c] of r.cases) {
      if (!dealt.has(id))
        throw bad(`${who} holds case ${id}, which was not dealt to it: not this shard's log`);
      const parts = new Set(share.parts.get(id) ?? []);
      for (const p of c.parts.keys())
        if (!parts.has(p))
          throw bad(`${who} holds part ${p} of ${id}, which was not dealt to it: not this shard's log`);
    }
    for (const id of dealt) {
      const c = r.cases.get(id);
      const units: Array<number | undefined> = share.parts.has(id)
        ? [...(share.parts.get(id) ?? [])]
        : [undefined];
      for (const p of units) {
        const last = p === undefined ? undefined : c?.parts.get(p)?.at(-1);
        const done = p === undefined ? c?.ended : last?.type === "part" && last.edge === "end";
        if (done) continue;
        const unit = p === undefined ? `case ${id}` : `part ${p} of ${id}`;
        if (r.complete)
          throw bad(
            `${who} lacks ${unit}, which was dealt to it, yet its log claims a complete run: altered`,
          );
        missing.push({ caseId: id, ...(p === undefined ? {} : { part: p }), shard: who });
      }
    }
  }
  return missing;
}
