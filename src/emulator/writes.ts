import type { Behaviour } from "./behaviour.js";
import { fail } from "./envelope.js";
import { serialise } from "./handle.js";
import { cloneUser, type State } from "./state.js";
import type { EmuRequest, EmuResponse } from "./types.js";

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The From_Account of a group_add request whose body names one; undefined for anything else. */
export function groupAddFrom(req: EmuRequest): string | undefined {
  if (!/\/v4\/sns\/group_add\/?$/.test(req.path)) return undefined;
  try {
    const body = JSON.parse(req.body) as { From_Account?: unknown };
    return typeof body.From_Account === "string" ? body.From_Account : undefined;
  } catch {
    return undefined;
  }
}

/** A state that shares every account with `state` but one, which is a copy: calls on it leave `state` as it is. */
export function withCopyOf(state: State, id: string): State {
  const u = state.users.get(id);
  const users = new Map(state.users);
  if (u) users.set(id, cloneUser(u));
  return { users, appSeq: state.appSeq };
}

/**
 * The write-conflict window (writeConflictWindowMs, a holdout variant): a group_add holds its
 * From_Account for the window before it runs; another group_add for that account meanwhile is
 * answered 30008 (https://cloud.tencent.com/document/product/269/10107: 并发写导致写冲突,建议使用批量方式) and changes nothing. A call that would
 * fail anyway (authentication, a bad body) gets its own answer instead: it is tried on a copy.
 */
export async function holdWrites(
  held: Set<string>,
  b: Behaviour,
  state: State,
  req: EmuRequest,
  handle: (state: State) => EmuResponse,
): Promise<EmuResponse> {
  const from = groupAddFrom(req);
  if (from === undefined) return handle(state);
  if (held.has(from)) {
    const tried = handle(withCopyOf(state, from));
    const failed = /"ActionStatus"\s*:\s*"FAIL"/.test(tried.body) || tried.status !== 200;
    return failed ? tried : serialise(fail(30008, "Err_SNS_GroupAdd_Write_Conflict"), b);
  }
  held.add(from);
  try {
    await sleep(b.writeConflictWindowMs);
    return handle(state);
  } finally {
    held.delete(from);
  }
}
