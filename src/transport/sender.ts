import type { Exchange } from "../core/kernel/exchange.js";
import type { OutgoingRequest } from "./client.js";

/** Anything that sends a request and returns the redacted exchange: node:http(s), the replay sender, resilient wrappers. */
export interface Sender {
  /** `signal` stops the request at once (an interrupted run, a case past its deadline) */
  send(r: OutgoingRequest, signal?: AbortSignal): Promise<Exchange>;
  close(): Promise<void>;
}

/** Why a signal fired, as the suite error it becomes: a deadline is a timeout, anything else an interruption. */
export function abortError(signal: AbortSignal, command: string): { code: string; message: string } {
  return abortErrorOf(signal.reason, command);
}

/** As abortError(), from the reason itself (the client stops requests without a signal of its own). */
export function abortErrorOf(reason: unknown, command: string): { code: string; message: string } {
  if (reason instanceof Error && reason.name === "TimeoutError")
    return { code: "TIM_ERR_TIMEOUT", message: `${command}: no complete answer before the deadline` };
  if (reason instanceof DeadlineError)
    return { code: "TIM_ERR_TIMEOUT", message: `${command}: ${reason.message}` };
  return {
    code: "TIM_ERR_INTERRUPTED",
    message: `${command}: stopped by ${String(reason ?? "an interruption")}`,
  };
}

/** The reason a case deadline aborts with. */
export class DeadlineError extends Error {
  override name = "DeadlineError";
}
