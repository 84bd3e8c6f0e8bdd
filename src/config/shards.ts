/**
 * How a run is shared out, as far as its settings go: `--shard I/N`, and the pool's slices that
 * bound `--lanes` (src/cases/properties/cut.ts cuts the generated phases into the parts they run).
 */
export const SLICES = 4;

/** The most accounts one part leases (property-valid: the subject, 3 friends, 2 strangers). */
export const ACCOUNTS_PER_SLICE = 6;

/** The suite's pool: a slice for every part that may run at once, and never fewer than the fixed cases use. */
export const POOL_SIZE = Math.max(8, SLICES * ACCOUNTS_PER_SLICE);

/** `--shard I/N` as numbers. */
export interface Shard {
  index: number;
  count: number;
}

/** `I/N` read as a shard, or undefined when it is not one (1 <= I <= N <= 256). */
export function shardOf(v: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(v);
  const [index, count] = [Number(m?.[1]), Number(m?.[2])];
  return m && count >= 1 && count <= 256 && index >= 1 && index <= count ? { index, count } : undefined;
}
