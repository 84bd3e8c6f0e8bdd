/**
 * The generated phases (property-valid, property-invalid, stateful) are cut into a fixed number
 * of seeded parts, each with accounts of its own. The parts, not the lanes, fix what is generated:
 * `--lanes` only says how many run at once and `--shard` which machine runs which, so a seed
 * generates the same cases on a laptop with 2 cores, a CI runner with 16, or a matrix of shards.
 */
export const GENERATED_PARTS = 4;

/** The most accounts one part leases (property-valid: the subject, 3 friends, 2 strangers). */
export const ACCOUNTS_PER_PART = 6;

/** The suite's pool: enough for every part at once, and never fewer than the fixed cases use. */
export const POOL_SIZE = Math.max(8, GENERATED_PARTS * ACCOUNTS_PER_PART);

/** Part `p`'s share of `runs`: the first `runs % parts` parts take one more. */
export function runsOfPart(runs: number, p: number, parts = GENERATED_PARTS): number {
  return Math.floor(runs / parts) + (p < runs % parts ? 1 : 0);
}

/** Part `p`'s fast-check seed: a fixed function of the run's seed, the same on every machine. */
export function seedOfPart(seed: number, p: number): number {
  let h = (seed ^ Math.imul(p + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) & 0x7fffffff;
}

/** `--shard I/N` as numbers. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(v: string): Shard {
  const [i, n] = v.split("/").map(Number);
  return { index: i ?? 1, count: n ?? 1 };
}
