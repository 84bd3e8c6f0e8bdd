import { EXIT, SuiteError } from "../core/kernel/errors.js";
import { Redactor } from "../transport/redact.js";

/** The one line every command prints when it cannot go on, and its exit code: 2 for settings, else 3. */
export function failureExit(e: unknown, redactor: Redactor, err: (s: string) => void): number {
  const error =
    e instanceof SuiteError ? e : new SuiteError("TIM_ERR_INTERNAL", (e as Error)?.message ?? String(e));
  err(redactor.redact(`error: ${error.code}: ${error.message}\n`));
  return error.code === "TIM_ERR_CONFIG" ? EXIT.config : EXIT.unjudged;
}

/** Every command redacts the secrets it was handed in the environment before it prints a line. */
export function envRedactor(env: Record<string, string | undefined>): Redactor {
  const r = new Redactor();
  r.add(env.TIM_SECRET_KEY);
  r.add(env.TIM_USERSIG);
  return r;
}

/**
 * The command's stdout and stderr through the redactor, every line: what the run prints (the target's
 * label, progress, notes) may carry a secret it learns later, as a key inside --base-url (issue 21).
 */
export function redactedIo<T extends { out: (s: string) => void; err: (s: string) => void }>(
  io: T,
  redactor: Redactor,
): T {
  return {
    ...io,
    out: (s: string) => io.out(redactor.redact(s)),
    err: (s: string) => io.err(redactor.redact(s)),
  };
}
