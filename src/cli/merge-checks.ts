import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { SuiteError } from "../core/kernel/errors.js";
import type { RunEvent } from "../core/kernel/events.js";
import type { ShardEvents } from "../judge/verdict/merge.js";
import { sealHolds } from "../judge/verdict/seal.js";
import type { Deal } from "../judge/verdict/shares.js";
import { planRun } from "../run/plan.js";
import { selectCases } from "../run/run.js";

export type ReadShard = ShardEvents & { tool: string; mac?: string };

const bad = (m: string) => new SuiteError("TIM_ERR_CONFIG", `merge: ${m}`);

/** The run's deal, recomputed from a shard's run-start as `--shard` computed it on each machine. */
export function dealOf(first: RunEvent | undefined): Deal {
  if (first?.type !== "run-start") throw bad("a shard's event log does not begin the run");
  const runs = first.info.plan?.runs;
  if (!runs)
    throw bad("the shards do not say their run's settings (written by an older version); run them again");
  const cases = selectCases(first.cases);
  return {
    share: (index, count) => {
      const p = planRun(cases, { runs, shard: { index, count } });
      return { cases: p.cases.slice(1).map((c) => c.id), parts: p.parts };
    },
    rules: (id) => cases.find((c) => c.id === id)?.rules ?? [],
  };
}

/**
 * Checks each shard's MAC with the run's secret key (verdict/seal.ts). With the key every shard
 * must carry a MAC that holds; without it, signed shards are refused rather than merged unverified,
 * and unsigned ones (a run with no secret, as against the emulator) are merged with a notice.
 */
export function checkSeals(
  shards: readonly ReadShard[],
  env: Record<string, string | undefined>,
): string | undefined {
  const key =
    env.TIM_SECRET_KEY && env.TIM_SECRET_KEY !== EMULATOR_DEFAULTS.secretKey ? env.TIM_SECRET_KEY : undefined;
  for (const s of shards) {
    const who = `shard ${s.index}/${s.count}`;
    if (!key) {
      if (s.mac)
        throw bad(
          `${who} is signed with its run's secret key; set TIM_SECRET_KEY (that key) so merge can verify every shard`,
        );
      continue;
    }
    if (!s.mac)
      throw bad(
        `${who}: its log is not signed, yet TIM_SECRET_KEY is set: not made by a run with this key, or its MAC was removed`,
      );
    if (!sealHolds(key, { tool: s.tool, index: s.index, count: s.count, events: s.events }, s.mac))
      throw bad(
        `${who}: its log's MAC does not verify with TIM_SECRET_KEY: changed after the run, or made with another key`,
      );
  }
  return key
    ? undefined
    : "the shards' logs carry no MAC (their runs had no secret key): merge checked that they are the complete shares of one run, but cannot prove they were not edited";
}
