import { SLICES } from "../../config/shards.js";

/**
 * The generated phases (property-valid, property-invalid, stateful) are cut into seeded parts of a
 * fixed number of runs. The parts, not the lanes, fix what is generated: `--lanes` only says how
 * many run at once and `--shard` which machine runs which, so a seed generates the same cases on a
 * laptop with 2 cores, a CI runner with 16, or a matrix of shards. Parts are small so that the
 * events a part holds back until the parts before it are out stay few.
 */

/** Part `p` runs on slice p mod SLICES of the pool: the same accounts whatever the lanes. */
export const sliceOfPart = (p: number): number => p % SLICES;

/** How many parts `runs` make at `size` runs a part. */
export const partsOf = (runs: number, size: number): number => Math.ceil(runs / size);

/** Part `p`'s share of `runs`: `size`, the last part what is left. */
export const runsOfPart = (runs: number, p: number, size: number): number =>
  Math.max(0, Math.min(size, runs - p * size));

/** Part `p`'s fast-check seed: a fixed function of the run's seed, the same on every machine. */
export function seedOfPart(seed: number, p: number): number {
  let h = (seed ^ Math.imul(p + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) & 0x7fffffff;
}
