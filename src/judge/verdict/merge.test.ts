import { describe, expect, it } from "vitest";
import type { RunEvent } from "../../core/kernel/events.js";
import { caseOf, end, finding, INFO, start } from "../../proof/support/events.js";
import { mergeShards, type ShardEvents } from "./merge.js";
import type { Deal } from "./shares.js";
import { Tally } from "./tally.js";

// Merging shards decides a sharded run's verdict (issue 21): the shares of one run, folded as one run.
const cases = ["baseline", "a", "b"];
const info = (index: number) => ({ ...INFO, shard: { index, count: 2 } });
const pass = (rule: string, caseId: string) => finding(rule, "MUST", caseId, "pass");
const shard = (index: number, ...events: RunEvent[]): ShardEvents => ({
  index,
  count: 2,
  events: [start(cases, info(index)), ...events],
});
const baseline = caseOf("baseline", pass("valid-request-accepted", "baseline"));
const one = shard(1, ...baseline, ...caseOf("a", pass("group-cap-32", "a")), end());
const two = shard(2, ...baseline, ...caseOf("b", finding("group-cap-32", "MUST", "b", "fail")), end());
const deal: Deal = {
  share: (index) => ({ cases: index === 1 ? ["a"] : ["b"], parts: new Map() }),
  rules: () => ["group-cap-32"],
};
const tally = (events: RunEvent[]) => {
  const t = new Tally();
  for (const e of events) t.listen(e);
  return t;
};

describe("merging shards", () => {
  it("gives one run: one start without a shard, the cases in the run's order, a second shard's passes of what both ran counted once", () => {
    const merged = mergeShards([two, one], deal);
    const first = merged[0];
    expect(first?.type === "run-start" && first.info.shard).toBe(undefined);
    expect(
      merged.filter((e) => e.type === "case-start").map((e) => (e as { caseId: string }).caseId),
    ).toEqual(cases);
    const t = tally(merged);
    expect(t.evidence()).toBe(1);
    expect(t.exitCode()).toBe(1);
  });

  it("refuses logs that are not the shares of one run: a missing shard, another seed", () => {
    expect(() => mergeShards([one])).toThrow(/expected shards 1..2/);
    const other: ShardEvents = {
      ...two,
      events: [start(cases, { ...info(2), seed: 8 }), ...two.events.slice(1)],
    };
    expect(() => mergeShards([one, other])).toThrow(/not shares of one run/);
  });

  it("refuses a log holding a case not dealt to it, and a complete-looking log lacking one", () => {
    const relabelled: ShardEvents = {
      ...one,
      index: 2,
      events: [start(cases, info(2)), ...one.events.slice(1)],
    };
    expect(() => mergeShards([one, relabelled], deal)).toThrow(/not dealt to it/);
    const cut = shard(2, ...baseline, end());
    expect(() => mergeShards([one, cut], deal)).toThrow(/claims a complete run/);
  });

  it("leaves a case an interrupted shard never reached NOT JUDGED, never CONFORMANT", () => {
    const stopped = shard(2, ...baseline, end(true));
    const merged = mergeShards([one, stopped], deal);
    const t = tally(merged);
    expect(t.caseErrors.map((e) => [e.caseId, e.code])).toEqual([["b", "TIM_ERR_SHARD_INCOMPLETE"]]);
    expect(t.exitCode()).toBe(3);
  });
});
