import type { Exchange } from "./exchange.js";

/**
 * Errors of the suite itself (it could not judge), never violations of the
 * target. Stable `code` strings, as undici does, and the original `cause`.
 */
export type SuiteErrorCode =
  | "TIM_ERR_CONFIG"
  | "TIM_ERR_UNREACHABLE"
  | "TIM_ERR_TIMEOUT"
  | "TIM_ERR_TRANSPORT"
  | "TIM_ERR_GATEWAY"
  | "TIM_ERR_RESPONSE_TOO_LARGE"
  | "TIM_ERR_FIXTURE"
  | "TIM_ERR_INTERRUPTED"
  | "TIM_ERR_THROTTLED"
  | "TIM_ERR_TRANSIENT"
  | "TIM_ERR_REPLAY_MISS"
  /** merge: a case or part dealt to a shard that stopped before judging it */
  | "TIM_ERR_SHARD_INCOMPLETE"
  | "TIM_ERR_INTERNAL";

export class SuiteError extends Error {
  readonly code: SuiteErrorCode;
  /** the exchange that made the suite give up, when there was one */
  exchange?: Exchange;
  constructor(code: SuiteErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SuiteError";
    this.code = code;
  }
}

/** A setting that cannot be used: names it and says the fix (exit 2). */
export const configError = (setting: string, fix: string): SuiteError =>
  new SuiteError("TIM_ERR_CONFIG", `${setting}: ${fix}`);

/** Exit codes (README "Exit codes"). */
export const EXIT = { pass: 0, violation: 1, config: 2, unjudged: 3, sigint: 130, sigterm: 143 } as const;
