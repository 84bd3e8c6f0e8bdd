import { SuiteError } from "../../core/kernel/errors.js";
import type { CaseContext } from "./context.js";
import { fullRead } from "./effects.js";
import { type GroupView, tagsOf, viewOf } from "./view.js";

// The helper calls cases make on the target: each is a fixture call, judged as every call is.

/** Deletes the named groups, 32 to a call (group_delete's documented limit per request, docs/sources/tencent-im-rest.md §2.1). */
export async function deleteGroups(t: CaseContext, user: string, names: readonly string[]): Promise<void> {
  for (let k = 0; k < names.length; k += 32) {
    await t.fixture("group_delete", { From_Account: user, GroupName: names.slice(k, k + 32) });
  }
}

/**
 * Deletes every group the user has, as group_get lists them. What a first pass leaves (a target
 * whose group_delete drops some names; the whole-effect oracle blames that on the read that shows
 * it) is deleted one name at a time, so the next case starts clean and one defect is blamed once.
 */
export async function clearGroups(t: CaseContext, user: string): Promise<void> {
  await deleteGroups(t, user, (await groupsOf(t, user)).names);
  const left = (await groupsOf(t, user)).names;
  for (const n of left) await deleteGroups(t, user, [n]);
}

export async function groupsOf(t: CaseContext, user: string): Promise<GroupView> {
  // LastSequence 0 is a full pull; older doc pages mark it required (docs/sources/tencent-im-rest.md §2.2, §7 question 7),
  // so it is always sent: a target that insists on it must not stop the suite.
  return viewOf(await t.fixture("group_get", fullRead(user)));
}

/** A friend's groups as friend_get_list's Tag_SNS_IM_Group shows them (docs/sources/tencent-im-rest.md §2.6); non-friends are left out. */
export async function friendGroups(
  t: CaseContext,
  user: string,
  friends: string[],
): Promise<Map<string, string[]>> {
  return tagsOf(
    await t.fixture("friend_get_list", {
      From_Account: user,
      To_Account: friends,
      TagList: ["Tag_SNS_IM_Group"],
    }),
  );
}

/** Makes `friends` one-way friends of `user` with friend_import (docs/sources/tencent-im-rest.md §2.3). */
export async function befriend(t: CaseContext, user: string, friends: string[]): Promise<void> {
  const res = await t.fixture("friend_import", {
    From_Account: user,
    AddFriendItem: friends.map((To_Account) => ({ To_Account, AddSource: "AddSource_Type_Conformance" })),
  });
  if (Array.isArray(res.Fail_Account) && res.Fail_Account.length > 0) {
    throw new SuiteError(
      "TIM_ERR_FIXTURE",
      `friend_import could not befriend ${JSON.stringify(res.Fail_Account)}`,
    );
  }
}
