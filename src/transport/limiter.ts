/**
 * A token bucket per endpoint class. The documented limits (docs/sources/tencent-im-rest.md §3.6):
 * 200 calls/s for the sns calls and account_import, 100/s for
 * multiaccount_import, account_delete and account_check. Defaults sit below
 * them. The pace adapts (issue 25): a frequency-limit answer halves a class's
 * rate, at most once a second (the limit's own window), and each second
 * without one raises it by a tenth, up to the rate asked for. A class with no
 * rate set (the limiter off) runs unpaced until its first throttle, then at
 * half the rate it was sending at.
 */
export type EndpointClass = "sns" | "account";

const ACCOUNT_100 = new Set(["multiaccount_import", "account_delete", "account_check"]);
export const classOf = (command: string): EndpointClass => (ACCOUNT_100.has(command) ? "account" : "sns");
/** docs/sources/tencent-im-rest.md §3.6, per class: used when a throttle comes before a second of calls has been counted */
const DOCUMENTED: Record<EndpointClass, number> = { sns: 200, account: 100 };
/** the slowest pace: a throttle at it is a persisting failure, not a pace to adapt */
export const FLOOR_RATE = 1;
/** a frequency limit counts calls per second (docs/sources/tencent-im-rest.md §3.6): one change of pace per window */
const WINDOW_MS = 1000;
const CLIMB = 1.1;

export interface Sleeper {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: Sleeper = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

class Bucket {
  private tokens = 1;
  private last: number;
  constructor(
    public rate: number,
    private readonly time: Sleeper,
  ) {
    this.last = time.now();
  }

  /** Waits until one call may go; capacity 1, so no second holds more than `rate` calls. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.time.now();
      this.tokens = Math.min(1, this.tokens + ((now - this.last) * this.rate) / 1000);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.time.sleep(((1 - this.tokens) * 1000) / this.rate);
    }
  }
}

/** One class's pace: unpaced (no bucket) until a rate is set or a throttle sets one. */
class Pace {
  bucket: Bucket | undefined;
  /** when the rate last changed (down or up) */
  changed = Number.NEGATIVE_INFINITY;
  /** when a throttle last lowered the rate */
  lowered = Number.NEGATIVE_INFINITY;
  throttles = 0;
  lowest = Number.POSITIVE_INFINITY;
  /** calls counted in the current and the previous window, while unpaced */
  private windowStart: number;
  private calls = 0;
  private previous = 0;

  constructor(
    private readonly cls: EndpointClass,
    /** the rate asked for: the ceiling of the climb (infinite when the limiter was off) */
    readonly ceiling: number,
    private readonly time: Sleeper,
  ) {
    this.windowStart = time.now();
    if (Number.isFinite(ceiling)) this.bucket = new Bucket(ceiling, time);
  }

  take(): Promise<void> | undefined {
    const b = this.bucket;
    const now = this.time.now();
    if (!b) {
      if (now - this.windowStart >= WINDOW_MS) {
        this.previous = now - this.windowStart < 2 * WINDOW_MS ? this.calls : 0;
        this.windowStart = now;
        this.calls = 0;
      }
      this.calls += 1;
      return undefined;
    }
    if (b.rate < this.ceiling && now - this.changed >= WINDOW_MS) {
      b.rate = Math.min(this.ceiling, b.rate * CLIMB);
      this.changed = now;
    }
    return b.take();
  }

  /** The rate in force: calls per second, or undefined while unpaced. */
  get rate(): number | undefined {
    return this.bucket?.rate;
  }

  /**
   * Calls per second while unpaced: the last full window, or this one so far (a tenth of a second
   * at least); never above the documented limit, the first guess at what the target allows.
   */
  private sentAt(now: number): number {
    const current = (this.calls * WINDOW_MS) / Math.max(100, now - this.windowStart);
    return Math.min(DOCUMENTED[this.cls], Math.max(this.previous, current));
  }

  /** Halves the rate (the first time: half the rate sent at); undefined when it was lowered less than a window ago. */
  slowDown(): number | undefined {
    this.throttles += 1;
    const now = this.time.now();
    if (now - this.lowered < WINDOW_MS) return undefined;
    const rate = Math.max(FLOOR_RATE, (this.bucket?.rate ?? this.sentAt(now)) / 2);
    if (this.bucket) this.bucket.rate = rate;
    else this.bucket = new Bucket(rate, this.time);
    this.lowered = now;
    this.changed = now;
    this.lowest = Math.min(this.lowest, rate);
    return rate;
  }
}

export class Limiter {
  private readonly paces: Record<EndpointClass, Pace>;

  /** `snsRate` calls per second for the sns class; the account class gets half. 0: unpaced until throttled. */
  constructor(
    readonly snsRate: number,
    time: Sleeper = realTime,
  ) {
    const asked = snsRate > 0 ? snsRate : Number.POSITIVE_INFINITY;
    this.paces = { sns: new Pace("sns", asked, time), account: new Pace("account", asked / 2, time) };
  }

  take(command: string): Promise<void> {
    return this.paces[classOf(command)].take() ?? Promise.resolve();
  }

  /**
   * After a throttle: halves the class's rate and returns it, or undefined when it was lowered
   * less than a second ago (answers to calls sent at the old pace say nothing of the new one).
   */
  slowDown(command: string): number | undefined {
    return this.paces[classOf(command)].slowDown();
  }

  /** Whether a throttle can still be met by going slower: the class is above the slowest pace. */
  canSlowDown(command: string): boolean {
    return (this.paces[classOf(command)].rate ?? Number.POSITIVE_INFINITY) > FLOOR_RATE;
  }

  rateOf(command: string): number | undefined {
    return this.paces[classOf(command)].rate;
  }

  /** What the pace became, for the report: undefined when nothing was ever throttled. */
  summary(): string | undefined {
    const parts: string[] = [];
    let throttles = 0;
    for (const [cls, p] of Object.entries(this.paces)) {
      throttles += p.throttles;
      if (p.throttles === 0 || p.rate === undefined) continue;
      const what = cls === "sns" ? "the sns calls" : "the account calls";
      parts.push(`${p.rate.toFixed(1)} calls/s for ${what} (lowest ${p.lowest.toFixed(1)}/s)`);
    }
    if (throttles === 0) return undefined;
    return `pace: the target answered ${throttles} call(s) with a frequency-limit code; the suite slowed down and settled at ${parts.join(", ")}`;
  }
}
