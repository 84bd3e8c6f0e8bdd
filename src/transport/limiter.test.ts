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

  it("halves a class's rate after a throttle, never below 1/s", () => {
    const l = new Limiter(200, virtualTime());
    expect(l.slowDown("group_add")).toBe(100);
    expect(l.rateOf("account_check")).toBe(100);
    for (let k = 0; k < 20; k++) l.slowDown("group_get");
    expect(l.rateOf("group_add")).toBe(1);
  });

  it("is off at rate 0, and classes endpoints by their documented limit (reference §3.6)", async () => {
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
