import type { Case } from "../cases/case.js";
import { partsOf } from "../cases/properties/cut.js";
import type { Runs } from "../config/settings.js";
import type { Shard } from "../config/shards.js";

/** What this machine runs: the cases, and for each generated phase the parts it runs. */
export interface RunPlan {
  cases: Case[];
  parts: ReadonlyMap<string, readonly number[]>;
}

/**
 * Shares the run out among `--shard I/N` machines. The units are the fixed cases and each part
 * of each generated phase, in the index's order; unit k goes to shard (k mod N) + 1, so the same
 * flags give every shard its share without talking to the others. The baseline runs on every
 * shard: each machine proves that its target accepts valid requests. A replayed counterexample
 * (`--path`) runs its one part, whatever the shard.
 */
export function planRun(
  cases: readonly Case[],
  o: { runs: Runs; shard?: Shard; path?: string; part?: number },
): RunPlan {
  const [first, ...rest] = cases;
  const parts = new Map<string, number[]>();
  if (o.path !== undefined) {
    for (const c of rest) if (c.parts) parts.set(c.id, [o.part ?? 0]);
    return { cases: [...cases], parts };
  }
  const n = o.shard?.count ?? 1;
  const mine = (k: number) => k % n === (o.shard?.index ?? 1) - 1;
  const picked: Case[] = first ? [first] : [];
  let k = 0;
  for (const c of rest) {
    if (!c.parts) {
      if (mine(k++)) picked.push(c);
      continue;
    }
    const all = Array.from({ length: partsOf(o.runs[c.parts.runs], c.parts.size) }, (_, p) => p);
    const share = all.filter(() => mine(k++));
    if (share.length === 0) continue;
    parts.set(c.id, share);
    picked.push(c);
  }
  return { cases: picked, parts };
}
