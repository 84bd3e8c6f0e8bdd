/** The largest `random` kept as a number: past it a value is kept as its text (exact below 2^53). */
const MAX = 4294967295;
const CANONICAL = /^(?:0|[1-9]\d{0,9})$/;

/**
 * The `random` values a run has sent, exactly as a Set of their texts would answer, in the space of
 * a few numbers: the suite's randoms count up by one (kernel/clock.ts), so they are kept as runs
 * [lo, hi] of canonical decimal values; any other text (a leading zero, past 2^32, not a number)
 * is kept as it is. A Set of every text grew by one string per exchange: 30 MB over 100k cases.
 */
export class RandomSet {
  /** disjoint, sorted, not touching: [lo0, hi0, lo1, hi1, ...] */
  private readonly runs: number[] = [];
  private readonly others = new Set<string>();

  add(r: string): void {
    const v = CANONICAL.test(r) ? Number(r) : Number.NaN;
    if (!(v <= MAX)) {
      this.others.add(r);
      return;
    }
    const runs = this.runs;
    // The usual case: one past the last run.
    const last = runs.length - 1;
    if (last > 0 && v === (runs[last] as number) + 1) {
      runs[last] = v;
      return;
    }
    const k = this.find(v);
    if (k >= 0 && v <= (runs[k + 1] as number)) return;
    // Join the run before (ending at v - 1) and the one after (starting at v + 1) where they touch.
    const before = k >= 0 && (runs[k + 1] as number) === v - 1;
    const after = k + 2 < runs.length && (runs[k + 2] as number) === v + 1;
    if (before && after) runs.splice(k + 1, 2);
    else if (before) runs[k + 1] = v;
    else if (after) runs[k + 2] = v;
    else runs.splice(k + 2, 0, v, v);
  }

  has(r: string): boolean {
    const v = CANONICAL.test(r) ? Number(r) : Number.NaN;
    if (!(v <= MAX)) return this.others.has(r);
    const k = this.find(v);
    return k >= 0 && v <= (this.runs[k + 1] as number);
  }

  /** The index of the last run starting at or before v, or -2 when none does. */
  private find(v: number): number {
    let lo = 0;
    let hi = this.runs.length / 2 - 1;
    let found = -2;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.runs[2 * mid] as number) <= v) {
        found = 2 * mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
