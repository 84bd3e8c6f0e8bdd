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
  // A holdout fault: the Sequence derived from the group count, so it falls when a group goes.
  if (ctx.b.seqIsGroupCount) {
    u.seq = u.groups.length;
    return;
  }
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
export function nameLength(b: Behaviour, s: string): number {
  if (b.nameLimitUnit === "bytes") return byteLength(s);
  if (b.nameLimitUnit === "chars") return [...s].length;
  // Holdout faults, wrong only for characters outside the BMP (4 bytes in UTF-8): a per-character
  // table keyed on the first UTF-16 unit (a surrogate, so 3), or CESU-8 (each surrogate 3, so 6).
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const astral = ch.length === 2;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : astral && b.nameLimitUnit === "cesu-8" ? 6 : 3;
  }
  return n;
}

/** How names are compared when the service decides a name exists: exactly, or as NFKC (an open behaviour). */
export const nameKey = (b: Behaviour, s: string): string =>
  b.nameCompare === "exact" ? s : s.normalize("NFKC");
