import { describe, expect, it } from "vitest";
import type { RunEvent } from "../core/kernel/events.js";
import { progressOf } from "./progress.js";

// Issue 22: progress inside long phases (done/total, rate, time left), a line every few seconds in
// a log and one redrawn line on a terminal. A clock is injected: no timed test.
const info = { target: "t", seed: 1, startedAt: "", replayFlags: [] };

function feed(tty: boolean) {
  let now = 0;
  let out = "";
  const p = progressOf({ write: (s) => (out += s), tty, now: () => now, everyMs: 5000 });
  const at = (ms: number, ...events: RunEvent[]) => {
    now = ms;
    for (const e of events) p.listen(e);
  };
  at(0, { type: "run-start", info, cases: ["baseline", "property-valid"], planned: 2 });
  at(
    0,
    { type: "case-start", caseId: "baseline", title: "" },
    { type: "case-end", caseId: "baseline", ms: 10 },
  );
  at(1000, { type: "case-start", caseId: "property-valid", title: "", planned: { parts: 6, runs: 300 } });
  for (let part = 0; part < 6; part++) {
    const t = 1000 + part * 2000;
    at(t, { type: "part", caseId: "property-valid", part, edge: "start" });
    for (let k = 0; k < 50; k++)
      at(t + 1 + k * 39, { type: "generated", caseId: "property-valid", rules: [] });
    at(t + 2000, { type: "part", caseId: "property-valid", part, edge: "end" });
  }
  p.above("  ✓ property-valid (12000 ms)\n");
  at(13_000, { type: "case-end", caseId: "property-valid", ms: 12_000 });
  p.done();
  return out;
}

describe("progress", () => {
  it("in a log: a plain line at most every few seconds with done/total, rate and time left", () => {
    const lines = feed(false)
      .split("\n")
      .filter((l) => l.startsWith("  … "));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[0]).toMatch(
      /^ {2}… case 2\/2 property-valid: \d\/6 parts of 300 generated runs, \d+ generated cases judged \(2\d\/s\), about \d+ s left$/,
    );
    // two parts done in 4 s of the phase: four left take about 8 s
    expect(lines.some((l) => /2\/6 parts .* about 8 s left$/.test(l))).toBe(true);
  });

  it("on a terminal: one line redrawn in place, cleared before the command's own lines and at the end", () => {
    const out = feed(true);
    expect(out).toContain("\r\x1b[Kcase 2/2 property-valid: 0/6 parts of 300 generated runs");
    expect(out).not.toMatch(/ {2}… /);
    expect(out).toContain("\r\x1b[K  ✓ property-valid (12000 ms)\n");
    expect(out.endsWith("\r\x1b[K")).toBe(true);
  });
});
