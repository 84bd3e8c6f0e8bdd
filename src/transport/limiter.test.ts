import { describe, expect, it } from "vitest";
import { classOf, Limiter, type Sleeper } from "./limiter.js";

function virtualTime(): Sleeper & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

describe("Limiter", () => {
  it("lets no more than `rate` sns calls through per second, and half that for account calls", async () => {
    const time = virtualTime();
    const l = new Limiter(40, time);
    for (let k = 0; k < 81; k++) await l.take("group_add");
    expect(time.t).toBeGreaterThanOrEqual(2000);
    expect(time.t).toBeLessThan(2100);
    const t0 = time.t;
    for (let k = 0; k < 21; k++) await l.take("account_check");
    expect(time.t - t0).toBeGreaterThanOrEqual(1000 - 50);
  });

  it("halves a class's rate after a throttle, at most once a second, never below 1/s", () => {
    const time = virtualTime();
    const l = new Limiter(200, time);
    expect(l.slowDown("group_add")).toBe(100);
    // Answers to calls sent at the old pace say nothing of the new one.
    expect(l.slowDown("group_add")).toBeUndefined();
    expect(l.rateOf("group_add")).toBe(100);
    expect(l.rateOf("account_check")).toBe(100);
    for (let k = 0; k < 20; k++) {
      time.t += 1000;
      l.slowDown("group_get");
    }
    expect(l.rateOf("group_add")).toBe(1);
    expect(l.canSlowDown("group_add")).toBe(false);
    expect(l.canSlowDown("account_check")).toBe(true);
  });

  it("climbs back by a tenth per second without a throttle, up to the rate asked for", async () => {
    const time = virtualTime();
    const l = new Limiter(200, time);
    l.slowDown("group_add");
    time.t += 1000;
    await l.take("group_add");
    expect(l.rateOf("group_add")).toBeCloseTo(110);
    await l.take("group_add");
    expect(l.rateOf("group_add")).toBeCloseTo(110);
    for (let k = 0; k < 20; k++) {
      time.t += 1000;
      await l.take("group_add");
    }
    expect(l.rateOf("group_add")).toBe(200);
  });

  it("unpaced at rate 0 until a throttle, then at half the rate it sent at, the documented limit at most", async () => {
    const time = virtualTime();
    const l = new Limiter(0, time);
    for (let k = 0; k < 60; k++) {
      await l.take("account_check");
      time.t += 10;
    }
    expect(l.rateOf("account_check")).toBeUndefined();
    expect(l.summary()).toBeUndefined();
    // 60 calls in 0.6 s: 100/s sent, half of it from now on.
    expect(l.slowDown("account_check")).toBeCloseTo(50);
    for (let k = 0; k < 1000; k++) await l.take("group_add");
    expect(l.slowDown("group_add")).toBe(100);
    expect(l.summary()).toMatch(
      /^pace: the target answered 2 call\(s\) with a frequency-limit code; the suite slowed down and settled at 100\.0 calls\/s for the sns calls \(lowest 100\.0\/s\), 50\.0 calls\/s for the account calls/,
    );
  });

  it("is off at rate 0, and classes endpoints by their documented limit (docs/sources/tencent-im-rest.md §3.6)", async () => {
    const time = virtualTime();
    const l = new Limiter(0, time);
    for (let k = 0; k < 1000; k++) await l.take("group_add");
    expect(time.t).toBe(0);
    expect(
      [
        "group_add",
        "friend_import",
        "account_import",
        "multiaccount_import",
        "account_delete",
        "account_check",
      ].map(classOf),
    ).toEqual(["sns", "sns", "sns", "account", "account", "account"]);
  });
});
