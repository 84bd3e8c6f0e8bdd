import type { AccountPool } from "../cases/case.js";
import { befriend, groupsOf } from "../fixtures/pool.js";
import type { Relations } from "../generators/accounts.js";
import type { CaseContext } from "../runner/context.js";

/** The user generated cases act on, with friends and non-friends from the pool. */
export interface Subject {
  user: string;
  relations: Relations;
}

export async function leaseSubject(
  t: CaseContext,
  pool: AccountPool,
  friends: number,
  strangers: number,
): Promise<Subject> {
  const user = pool.lease();
  const f = Array.from({ length: friends }, () => pool.lease());
  const s = Array.from({ length: strangers }, () => pool.lease());
  if (f.length) await befriend(t, user, f);
  return { user, relations: { friends: f, strangers: s, prefix: pool.prefix } };
}

/** Deletes every group the user has, as group_get lists them. */
export async function clearGroups(t: CaseContext, user: string): Promise<void> {
  const { names } = await groupsOf(t, user);
  for (let k = 0; k < names.length; k += 32) {
    await t.fixture("group_delete", { From_Account: user, GroupName: names.slice(k, k + 32) });
  }
}
