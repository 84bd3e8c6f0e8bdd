import type { Behaviour } from "../behaviour.js";
import type { State } from "../state.js";
import type { Body, EmuRequest, EmuResponse, Envelope } from "../types.js";

/** What a response-rewriting fault sees: the request and the envelope the emulator meant to send. */
export interface FaultInput {
  req: EmuRequest;
  command: string;
  body: Body | undefined;
  envelope: Envelope;
}

/** What an `around` hook gets: the live state, the request, and handle() bound to the request. */
export interface AroundCall {
  state: State;
  req: EmuRequest;
  handle: (state: State) => EmuResponse;
}

/**
 * A deliberate bug. `breaks` names exactly the catalogue rules it makes fail
 * (the rule it targets first, then its documented consequences, such as a
 * wrongly accepted call changing state), as plain strings: the emulator never
 * imports the suite's checks. A test runs each fault and requires exactly this set.
 */
export interface Fault {
  id: string;
  title: string;
  breaks: string[];
  behaviour?: Partial<Behaviour>;
  /** only group_add answers are rewritten unless `allCommands` */
  rewrite?: (f: FaultInput) => Envelope | EmuResponse;
  allCommands?: boolean;
  /**
   * Runs in server.ts in place of handle(), and may await between reading the state and writing
   * it: the only way a concurrency fault (a lost update) can exist while handle() stays pure and
   * synchronous. handle() never calls it; only the first fault that has one is used.
   */
  around?: (call: AroundCall) => Promise<EmuResponse>;
  /** no fixed case exposes it: only generated payloads or sequences do (issue 3) */
  onlyGenerationFinds?: boolean;
}

/** An open-behaviour choice: a different but still conformant service. */
export interface Variant {
  id: string;
  title: string;
  behaviour: Partial<Behaviour>;
}
