import type { Behaviour } from "../behaviour.js";
import type { State, User } from "../state.js";
import type { Body, Envelope } from "../types.js";

export interface HandlerContext {
  state: State;
  body: Body;
  b: Behaviour;
}

export type Handler = (ctx: HandlerContext) => Envelope;

/** Moves a user's group Sequence after a change (per user, or from an app-wide counter). */
export function bumpSeq(ctx: HandlerContext, u: User): void {
  if (!ctx.b.bumpSeqOnChange) return;
  if (ctx.b.seqScope === "app") {
    ctx.state.appSeq += ctx.b.seqStep;
    u.seq = ctx.state.appSeq;
  } else {
    u.seq += ctx.b.seqStep;
  }
}

// The reference counts bytes itself rather than use the judge's utf8Bytes: judge and reference
// must not share a bug.
export const byteLength = (s: string): number => Buffer.byteLength(s, "utf8");
export const nameLength = (b: Behaviour, s: string): number =>
  b.nameLimitUnit === "bytes" ? byteLength(s) : [...s].length;
