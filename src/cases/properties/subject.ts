import type { Relations } from "../../generate/accounts.js";
import { befriend } from "../../judge/probe/calls.js";
import type { CaseContext } from "../../judge/probe/context.js";
import type { Leaser } from "../case.js";

/** The user generated cases act on, with friends and non-friends from the pool. */
export interface Subject {
  user: string;
  relations: Relations;
}

export async function leaseSubject(
  t: CaseContext,
  pool: Leaser,
  friends: number,
  strangers: number,
): Promise<Subject> {
  const user = pool.lease();
  const f = Array.from({ length: friends }, () => pool.lease());
  const s = Array.from({ length: strangers }, () => pool.lease());
  if (f.length) await befriend(t, user, f);
  return { user, relations: { friends: f, strangers: s, prefix: pool.prefix } };
}
