import { describe, expect, it } from "vitest";
import {
  accounts,
  add,
  idsOf,
  names,
  neighbourOf,
  ok,
  run,
  type Scenario,
} from "../../../proof/support/holdout.js";

const A = "alice";

/** One scenario per fault of the class: true when the documented promise is kept. */
const KEPT: Record<string, Scenario> = {
  // seed: OK 表示处理成功; 30008 并发写导致写冲突 is the documented way out, losing a write is not.
  "concurrent-lost-update": async (c) => {
    await accounts(c, [A]);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => add(c, A, [`p${i}`])));
    const have = await names(c, A);
    return answers.every((r, i) => !ok(r) || have.includes(`p${i}`));
  },
  // limits: 好友分组最多支持32个, also under parallel calls.
  "concurrent-cap-race": async (c) => {
    await accounts(c, [A]);
    const batch = (k: number) => Array.from({ length: 10 }, (_, i) => `b${k}_${i}`);
    await Promise.all([0, 1, 2, 3].map((k) => add(c, A, batch(k))));
    return (await names(c, A)).length <= 32;
  },
};

describe("holdout faults: concurrency (through server.ts)", () => {
  it("has a scenario for every fault of the class", () => {
    expect(Object.keys(KEPT).sort()).toEqual(idsOf("concurrency"));
  });
  describe.each(Object.entries(KEPT))("%s", (id, kept) => {
    it("the reference keeps the promise", async () => expect(await run({}, kept)).toBe(true));
    it("the fault breaks it", async () => expect(await run({ fault: id }, kept)).toBe(false));
    it(`its neighbour ${neighbourOf(id)} keeps it`, async () =>
      expect(await run({ variant: neighbourOf(id) }, kept)).toBe(true));
  });
});
