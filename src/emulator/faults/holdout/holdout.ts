import type { Fault } from "../fault.js";

/** Where a holdout fault's bug lives. */
export type HoldoutClass =
  | "names"
  | "accounts"
  | "sizes"
  | "effects"
  | "sequence"
  | "wire"
  | "helpers"
  | "concurrency"
  | "query";

/**
 * A deliberate bug written from the documentation alone, to measure how far the suite's judging
 * reaches beyond the faults it was built against. Unlike a `Fault` it names no catalogue rules
 * (`breaks`): it was written blind to them. It names instead the documented promise it breaks,
 * quoted, and a benign neighbour (a variant in benign/) that looks alike and keeps the promise.
 */
export interface HoldoutFault extends Omit<Fault, "breaks"> {
  /** the documented promise it breaks, in one sentence */
  promise: string;
  /** the doc text, quoted as written (Chinese where the page is) */
  clause: string;
  /** where the promise is written: a public URL, or a file of the repository (docs/sources/), and its section */
  source: string;
  class: HoldoutClass;
  /** id of the benign neighbour in benign/ */
  neighbour: string;
  /**
   * Added after the measurement, not by the fault's author: why the rule catalogue judges this
   * promise at SHOULD, so the fault earns a warning (exit 0) rather than a failed run.
   */
  shouldOnly?: string;
}

/** As the emulator's lookups hand it out: a Fault that names no rules (`breaks` is empty by design). */
export const asFault = (h: HoldoutFault): Fault => ({ ...h, breaks: [] });
