// The bench's targets (issue 25) and how its figures are written.
import type { Spread } from "./startup.js";

/** Targets of issue 25 (the bench's figures are judged against these). */
export const TARGETS = {
  emulatorRatio: 0.8,
  emulatorCpuRatio: 1.3,
  suiteRatio: 0.3,
  judgeCpuUs: 200,
  runRatio: 2.5,
  heapGrowth: 1.2,
} as const;

export const ok = (pass: boolean) => (pass ? "✅ met" : "❌ not met");
export const f = (n: number, d = 0) => n.toFixed(d);

export const sp = (s: Spread, d = 0) => `${f(s.median, d)} (${f(s.min, d)}-${f(s.max, d)})`;
