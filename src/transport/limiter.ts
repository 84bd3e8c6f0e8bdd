/**
 * A token bucket per endpoint class. The documented limits (reference §3.6):
 * 200 calls/s for the sns calls and account_import, 100/s for
 * multiaccount_import, account_delete and account_check. Defaults sit below
 * them; a throttle answer halves a class's rate (adaptive back-off).
 */
export type EndpointClass = "sns" | "account";

const ACCOUNT_100 = new Set(["multiaccount_import", "account_delete", "account_check"]);
export const classOf = (command: string): EndpointClass => (ACCOUNT_100.has(command) ? "account" : "sns");

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

export class Limiter {
  private readonly buckets: Map<EndpointClass, Bucket>;

  /** `snsRate` calls per second for the sns class; the account class gets half. 0 turns limiting off. */
  constructor(
    readonly snsRate: number,
    time: Sleeper = realTime,
  ) {
    this.buckets = new Map(
      snsRate > 0
        ? ([
            ["sns", new Bucket(snsRate, time)],
            ["account", new Bucket(snsRate / 2, time)],
          ] as const)
        : [],
    );
  }

  take(command: string): Promise<void> {
    return this.buckets.get(classOf(command))?.take() ?? Promise.resolve();
  }

  /** Halves a class's rate after a throttle answer; returns the new rate (calls/s). */
  slowDown(command: string): number | undefined {
    const b = this.buckets.get(classOf(command));
    if (!b) return undefined;
    b.rate = Math.max(1, b.rate / 2);
    return b.rate;
  }

  rateOf(command: string): number | undefined {
    return this.buckets.get(classOf(command))?.rate;
  }
}
