// Hand-made run events for the verdict's unit tests: the smallest story each rule of the tally needs.
import type { RunEvent, RunInfo } from "../../core/kernel/events.js";
import type { Level } from "../../core/kernel/rule.js";

export const INFO: RunInfo = {
  target: "http://127.0.0.1:1",
  seed: 7,
  startedAt: "2026-12-04T00:00:00Z",
  replayFlags: [],
};

export const start = (cases: string[], info: RunInfo = INFO): RunEvent => ({
  type: "run-start",
  info,
  cases,
});

export const finding = (rule: string, level: Level, caseId: string, outcome: "pass" | "fail"): RunEvent => ({
  type: "finding",
  finding: { rule, level, caseId, outcome, message: `${rule} ${outcome}` },
});

export const caseOf = (caseId: string, ...events: RunEvent[]): RunEvent[] => [
  { type: "case-start", caseId, title: caseId },
  ...events,
  { type: "case-end", caseId, ms: 5 },
];

export const end = (incomplete = false): RunEvent => ({ type: "run-end", ms: 10, incomplete });
