import { describe, expect, it } from "vitest";
import { RandomSet } from "./random-set.js";

describe("RandomSet", () => {
  it("answers as a Set of the texts would, for runs, gaps, joins and texts that are no canonical number", () => {
    let seed = 7;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const texts = () => {
      const r = rnd();
      if (r < 0.5) return String(4294967290 + Math.floor(rnd() * 12));
      if (r < 0.8) return String(Math.floor(rnd() * 40));
      return ["0", "00", "007", "4294967296", "-1", "1e3", "", " 1", "18446744073709551616"][
        Math.floor(rnd() * 9)
      ] as string;
    };
    const set = new Set<string>();
    const runs = new RandomSet();
    for (let k = 0; k < 5000; k++) {
      const t = texts();
      const probe = texts();
      expect([t, runs.has(t)]).toEqual([t, set.has(t)]);
      expect([probe, runs.has(probe)]).toEqual([probe, set.has(probe)]);
      set.add(t);
      runs.add(t);
    }
  });

  it("keeps the suite's counting randoms as one run", () => {
    const s = new RandomSet();
    for (let v = 1000; v < 101_000; v++) s.add(String(v));
    expect(s.has("999")).toBe(false);
    expect(s.has("1000")).toBe(true);
    expect(s.has("100999")).toBe(true);
    expect(s.has("101000")).toBe(false);
    expect((s as unknown as { runs: number[] }).runs).toEqual([1000, 100_999]);
  });
});
