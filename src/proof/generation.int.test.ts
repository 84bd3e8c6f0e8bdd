import { describe, expect, it } from "vitest";
import { CASES } from "../cases/index.js";
import type { Finding, RunEvent } from "../core/kernel/events.js";
import { FAULTS } from "../emulator/faults/index.js";
import { runTally } from "./support/harness.js";

const FIXED = CASES.map((c) => c.id).filter(
  (id) => !["property-valid", "property-invalid", "stateful"].includes(id),
);
const GENERATED = ["property-valid", "property-invalid", "stateful"];

const mustFailures = (events: RunEvent[]): Finding[] =>
  events.flatMap((e) =>
    e.type === "finding" && e.finding.outcome === "fail" && e.finding.level === "MUST" ? [e.finding] : [],
  );

// Issue 3: faults that only an unusual payload or a sequence exposes.
describe.each(FAULTS.filter((f) => f.onlyGenerationFinds).map((f) => [f.id, f] as const))(
  "fault %s",
  (_id, fault) => {
    it("is missed by every fixed case", async () => {
      const t = await runTally({ faults: [fault.id], cases: FIXED });
      expect(t.exitCode()).toBe(0);
    });

    it("is found by generation, shrunk, and replayed exactly by the reported flags", async () => {
      const events: RunEvent[] = [];
      const t = await runTally({ faults: [fault.id], cases: GENERATED, runs: "300", seed: "11" }, events);
      expect(t.exitCode()).toBe(1);
      const found = mustFailures(events);
      const first = found[0];
      expect(first?.message).toMatch(
        /shrunk counterexample after \d+ runs and \d+ shrinks \(part \d, seed \d+, path [\d:]+\)/,
      );
      // The generated phase is cut into seeded parts (src/cases/properties/cut.ts): the flags name the part.
      const flags = first?.replay ?? [];
      expect(flags.slice(0, 4)).toEqual([
        "--part",
        expect.stringMatching(/^\d$/),
        "--path",
        expect.any(String),
      ]);
      const raw: Record<string, string> = { part: flags[1] ?? "", path: flags[3] ?? "" };
      if (flags[4] === "--replay-path") raw.replayPath = flags[5] ?? "";
      const again: RunEvent[] = [];
      const replay = await runTally(
        { faults: [fault.id], cases: [first?.caseId ?? ""], seed: "11", ...raw },
        again,
      );
      expect(replay.exitCode()).toBe(1);
      const replayed = mustFailures(again);
      expect(replayed.map((f) => f.rule)).toContain(first?.rule);
      // The same minimal case: the description after "shrinks (…):" is identical.
      const tail = (m: string | undefined) => m?.replace(/^.*?\): /, "");
      expect(replayed.map((f) => tail(f.message))).toContain(tail(first?.message));
    });
  },
);

describe("generated phases on the clean emulator", () => {
  it("pass thousands of generated cases with no violation and no warning", async () => {
    const events: RunEvent[] = [];
    const t = await runTally({ cases: GENERATED, runs: "1000" }, events);
    const generated = events.filter((e) => e.type === "generated").length;
    expect(generated).toBeGreaterThanOrEqual(2000);
    expect(events.filter((e) => e.type === "finding" && e.finding.outcome === "fail")).toEqual([]);
    expect(t.exitCode()).toBe(0);
  });
});
