import { EXIT, SuiteError } from "../errors.js";
import type { Redactor } from "../transport/redact.js";

/** The one line every command prints when it cannot go on, and its exit code: 2 for settings, else 3. */
export function failureExit(e: unknown, redactor: Redactor, err: (s: string) => void): number {
  const error =
    e instanceof SuiteError ? e : new SuiteError("TIM_ERR_INTERNAL", (e as Error)?.message ?? String(e));
  err(redactor.redact(`error: ${error.code}: ${error.message}\n`));
  return error.code === "TIM_ERR_CONFIG" ? EXIT.config : EXIT.unjudged;
}
