import { SuiteError } from "../../core/kernel/errors.js";
import type { RunEvent } from "../../core/kernel/events.js";
import { checkDealt, checkSameRun, type Deal, type Missing } from "./shares.js";

/** One shard's event log, as its conformance.json carries it. */
export interface ShardEvents {
  index: number;
  count: number;
  events: RunEvent[];
}

/** A shard's events cut where merging needs them. */
interface Cut {
  start: Extract<RunEvent, { type: "run-start" }>;
  /** before the first case: setup, notices */
  pre: RunEvent[];
  cases: Map<string, CaseCut>;
  /** after the last case: the pool's reset */
  post: RunEvent[];
  end: Extract<RunEvent, { type: "run-end" }> | undefined;
}

interface CaseCut {
  start: Extract<RunEvent, { type: "case-start" }>;
  /** outside any part: a fixed case's whole story, a generated phase's errors and cleanup */
  loose: RunEvent[];
  parts: Map<number, RunEvent[]>;
  ms: number;
  /** its case-end is in the log */
  ended: boolean;
}

function cut(s: ShardEvents): Cut {
  const [start, ...rest] = s.events;
  if (start?.type !== "run-start")
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `shard ${s.index}/${s.count}: its event log does not begin the run`,
    );
  const out: Cut = { start, pre: [], cases: new Map(), post: [], end: undefined };
  let current: CaseCut | undefined;
  let part: RunEvent[] | undefined;
  let seenCase = false;
  for (const e of rest) {
    if (e.type === "run-end") out.end = e;
    else if (e.type === "case-start") {
      current = { start: e, loose: [], parts: new Map(), ms: 0, ended: false };
      out.cases.set(e.caseId, current);
      seenCase = true;
    } else if (e.type === "case-end" && current) {
      current.ms = e.ms;
      current.ended = true;
      current = undefined;
    } else if (e.type === "part" && current) {
      if (e.edge === "start") {
        part = [e];
        current.parts.set(e.part, part);
      } else {
        part?.push(e);
        part = undefined;
      }
    } else if (part) part.push(e);
    else if (current) current.loose.push(e);
    else (seenCase ? out.post : out.pre).push(e);
  }
  return out;
}

/** What a second shard's run of what every shard runs (setup, baseline, reset) adds: all but its passes. */
const beyondPasses = (events: RunEvent[]): RunEvent[] =>
  events.filter((e) => !(e.type === "finding" && e.finding.outcome === "pass"));

/** Checks the logs are the N shares of one run: same N, each index once, same seed and cases. */
function checkComplete(shards: readonly ShardEvents[], cuts: readonly Cut[]): void {
  const n = shards[0]?.count ?? 0;
  const have = shards.map((s) => s.index).sort((a, b) => a - b);
  const want = Array.from({ length: n }, (_, k) => k + 1);
  if (shards.some((s) => s.count !== n) || have.join() !== want.join())
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `merge: expected shards 1..${n} of ${n} once each, got ${shards.map((s) => `${s.index}/${s.count}`).join(", ")}`,
    );
  const first = cuts[0]?.start;
  for (const [k, c] of cuts.entries()) {
    const same = c.start.info.seed === first?.info.seed && c.start.cases.join() === first?.cases.join();
    if (!same)
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        `merge: shard ${shards[k]?.index}/${n} ran seed ${c.start.info.seed} with cases ${c.start.cases.join(",")}, not seed ${first?.info.seed} with ${first?.cases.join(",")}: they are not shares of one run`,
      );
  }
  checkSameRun(cuts.map((c) => c.start.info));
}

/** A dealt case or part no shard judged, told inside its case: the merged run cannot be CONFORMANT. */
function unjudged(m: Missing, deal: Deal): RunEvent {
  const unit = m.part === undefined ? "the case" : `part ${m.part}`;
  return {
    type: "case-error",
    caseId: m.caseId,
    code: "TIM_ERR_SHARD_INCOMPLETE",
    message: `${unit} was dealt to ${m.shard}, whose run stopped before judging it`,
    rules: [...deal.rules(m.caseId)],
  };
}

/**
 * Joins the shards' event logs into the events of one run, in the order an unsharded run with
 * the same seed emits them: each case where the index puts it, each generated phase's parts in
 * part order, whichever shard ran them. Every exchange sent is kept (each shard prepared and
 * reset its own accounts, so there are more than one run sends); passes of what every shard runs
 * (setup, baseline, reset) are counted once, and no shard's failure or error is ever dropped.
 */
export function mergeShards(shards: readonly ShardEvents[], deal?: Deal): RunEvent[] {
  const sorted = [...shards].sort((a, b) => a.index - b.index);
  const cuts = sorted.map(cut);
  checkComplete(sorted, cuts);
  const ran = cuts.map((c, k) => ({
    index: sorted[k]?.index ?? 0,
    count: sorted[k]?.count ?? 0,
    complete: c.end !== undefined && !c.end.incomplete,
    cases: c.cases,
  }));
  const missing = deal ? checkDealt(ran, deal, cuts[0]?.start.cases[0] ?? "") : [];
  const head = cuts[0] as Cut;
  const { shard: _shard, ...info } = head.start.info;
  const out: RunEvent[] = [{ ...head.start, info }];
  const notices = new Set<string>();
  const push = (events: RunEvent[]) => {
    for (const e of events) {
      if (e.type === "notice") {
        if (notices.has(e.message)) continue;
        notices.add(e.message);
      }
      out.push(e);
    }
  };
  // Every shard prepares and resets its own accounts: the first one's story, the others' exchanges,
  // failures and errors (their passes would count the same checks twice).
  for (const [k, c] of cuts.entries()) push(k === 0 ? c.pre : beyondPasses(c.pre));
  for (const id of head.start.cases) {
    const ran = cuts.map((c) => c.cases.get(id)).filter((c): c is CaseCut => c !== undefined);
    const [firstRun] = ran;
    const lost = missing.filter((m) => m.caseId === id).map((m) => unjudged(m, deal as Deal));
    if (!firstRun) {
      if (lost.length > 0)
        out.push({ type: "case-start", caseId: id, title: id }, ...lost, {
          type: "case-end",
          caseId: id,
          ms: 0,
        });
      continue;
    }
    out.push(firstRun.start, ...lost);
    const parts = new Map(ran.flatMap((r) => [...r.parts]));
    for (const p of [...parts.keys()].sort((a, b) => a - b)) push(parts.get(p) ?? []);
    for (const [k, r] of ran.entries()) push(k === 0 || r.parts.size > 0 ? r.loose : beyondPasses(r.loose));
    out.push({ type: "case-end", caseId: id, ms: ran.reduce((sum, r) => sum + r.ms, 0) });
  }
  for (const [k, c] of cuts.entries()) push(k === 0 ? c.post : beyondPasses(c.post));
  const ends = cuts.map((c) => c.end);
  const interrupted = ends.find((e) => e?.interrupted)?.interrupted;
  out.push({
    type: "run-end",
    ms: Math.max(0, ...ends.map((e) => e?.ms ?? 0)),
    incomplete: ends.some((e) => !e || e.incomplete),
    ...(interrupted ? { interrupted } : {}),
  });
  return out;
}
