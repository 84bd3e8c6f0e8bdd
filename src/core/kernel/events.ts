import type { SuiteErrorCode } from "./errors.js";
import type { Exchange } from "./exchange.js";
import type { Level } from "./rule.js";

/** How a rule fared in one case. fail on a SHOULD rule is a warning, never a failed run. */
export type Outcome = "pass" | "fail";

/**
 * Where a failure is and what was wrong, as data (ajv style): a JSON pointer into the answer ("" for
 * the HTTP status line, /ResultItem/3/ResultCode for one item), and what the rule expects and what
 * came, each in a few words. Reports show them and drift compares them, never the message text.
 */
export interface FindingDetail {
  instancePath: string;
  expected: string;
  actual: string;
}

export interface Finding extends Partial<FindingDetail> {
  rule: string;
  level: Level;
  caseId: string;
  outcome: Outcome;
  message: string;
  exchange?: Exchange;
  /** flags that replay exactly this finding's generated case (e.g. --path for a shrunk counterexample) */
  replay?: string[];
}

export interface Observation {
  rule: string;
  caseId: string;
  /** what the target did, in a few words: "30001 Err_SNS_GroupAdd_GroupName_Exist" */
  value: string;
  exchange?: Exchange;
}

export interface RunInfo {
  target: string;
  seed: number;
  startedAt: string;
  /** flags that reproduce this target, for replay commands (no secrets) */
  replayFlags: string[];
  /** the command the run was started with (`npx tim-conformance`, `npm run conformance --`): replay commands begin with it */
  command?: string;
  /** set when this run was one share of a sharded run (--shard I/N) */
  shard?: { index: number; count: number };
  /** what else fixes what a run judges: merge requires every shard to agree on it (issue 21) */
  plan?: { runs: { valid: number; invalid: number; stateful: number }; declared: boolean };
  /** set by `observe`: the findings come from traffic it forwarded, not from cases; curl replays them */
  observed?: { upstream: string; listen: string };
}

/** Everything a run says, in order. Reporters fold these; the runner knows no reporter. */
export type RunEvent =
  /** `planned`: how many of `cases` this machine runs (a shard runs a share), for progress */
  | { type: "run-start"; info: RunInfo; cases: string[]; planned?: number }
  /** `planned`: for a generated phase, its parts and generated cases on this machine, for progress */
  | { type: "case-start"; caseId: string; title: string; planned?: { parts: number; runs: number } }
  /** `classes`: the input-domain classes of the request (specs/input-domain.json), for coverage */
  | { type: "exchange"; caseId: string; exchange: Exchange; classes?: string[] }
  | { type: "finding"; finding: Finding }
  | { type: "observation"; observation: Observation }
  | { type: "skip"; caseId: string; rule: string; reason: string }
  | { type: "case-error"; caseId: string; code: SuiteErrorCode; message: string; rules: string[] }
  | { type: "case-end"; caseId: string; ms: number }
  | { type: "generated"; caseId: string; rules: string[] }
  /** brackets one part of a generated phase: shards' reports are joined part by part (merge) */
  | { type: "part"; caseId: string; part: number; edge: "start" | "end" }
  /** something a person should know that is no verdict: a retry, a throttle, a fallback */
  | { type: "notice"; message: string }
  | { type: "run-end"; ms: number; incomplete: boolean; interrupted?: "SIGINT" | "SIGTERM" };

export type Listener = (e: RunEvent) => void;
