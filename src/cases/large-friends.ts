import { limits } from "../core/contract/limits.js";
import { answerKind, bodyOf } from "../core/kernel/exchange.js";
import { judgeByDomain } from "../judge/oracles/domain.js";
import { groupAdd, judgeItems, judgeMembers } from "../judge/oracles/judging.js";
import { befriend, clearGroups, groupsOf } from "../judge/probe/calls.js";
import { itemsOf } from "../judge/probe/view.js";
import type { Case, CaseEnv } from "./case.js";

/** The documented batch size of the account calls (multiaccount_import, account_check: ≤100). */
const BATCH = 100;
/** Friend lists sent: tens, hundreds, and the documented maximum (https://cloud.tencent.com/document/product/269/10107: 单次请求的好友数不得超过1000). */
const SIZES = [40, 250, limits.maxFriendsPerRequest];

const chunks = <T>(xs: readonly T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, k) => xs.slice(k * n, k * n + n));

/** The crowd accounts that exist or could be imported; fewer when the app caps its accounts (70398). */
async function crowd(e: CaseEnv, want: number): Promise<string[]> {
  const { t, pool } = e;
  const ids = Array.from({ length: want }, (_, k) => `${pool.prefix}_c${String(k + 1).padStart(4, "0")}`);
  const missing: string[] = [];
  for (const part of chunks(ids, BATCH)) {
    const res = await t.fixture("account_check", { CheckItem: part.map((UserID) => ({ UserID })) });
    for (const i of itemsOf(res.ResultItem))
      if (i.AccountStatus !== "Imported") missing.push(String(i.UserID));
  }
  const have = new Set(ids);
  for (const id of missing) have.delete(id);
  // Imported a hundred at a time until the app refuses more (the free edition caps accounts).
  for (const part of chunks(missing, BATCH)) {
    const ex = await t.call("multiaccount_import", { AccountList: part.map((UserID) => ({ UserID })) });
    if (answerKind(ex) !== "accepted") break;
    const res = bodyOf(ex);
    const failed = new Set(Array.isArray(res?.FailAccounts) ? res.FailAccounts.map(String) : []);
    for (const id of part) if (!failed.has(id)) have.add(id);
    if (failed.size > 0) break;
  }
  return ids.filter((id) => have.has(id));
}

/** Ends every friendship of `user` with `others` (100 to a call), whatever was left before. */
async function unfriend(e: CaseEnv, user: string, others: readonly string[]): Promise<void> {
  for (const part of chunks(others, BATCH))
    await e.t.fixture("friend_delete", {
      From_Account: user,
      To_Account: part,
      DeleteType: "Delete_Type_Both",
    });
}

// Issue 20: every friend's membership checked after large requests (tens, hundreds, 1000 friends),
// not only after small ones. The friends are the suite's own crowd accounts <prefix>_c0001…; an app
// that cannot hold that many (the free edition's 100 accounts) gets the sizes it can, and the
// others are reported not judged with the reason.
export const largeFriends = {
  id: "large-friends",
  title:
    "Groups added with tens, hundreds and 1000 real friends: every friend's ResultItem and membership checked",
  covers: ["to-friends-tens", "to-friends-hundreds", "to-friends-1000", "to-tens", "to-hundreds", "to-1000"],
  rules: ["valid-request-accepted", "friends-per-request-1000", "group-add-places-friends"],
  async run(e) {
    const { t, pool } = e;
    const u = pool.lease();
    const friends = await crowd(e, Math.max(...SIZES));
    await unfriend(e, u, friends);
    try {
      for (const part of chunks(friends, BATCH)) await befriend(t, u, part);
      for (const n of SIZES) {
        if (friends.length < n) {
          t.skip(
            "group-add-places-friends",
            `${n} friends: the target imported only ${friends.length} crowd accounts`,
          );
          continue;
        }
        const to = friends.slice(0, n);
        const ex = await groupAdd(t, u, [`crowd${n}`], to);
        judgeByDomain(t, ex, `group_add with ${n} friends`);
        if (answerKind(ex) !== "accepted") continue;
        judgeItems(t, ex, to, () => "friend");
        judgeMembers(t, await groupsOf(t, u), [`crowd${n}`], to, ex);
        await clearGroups(t, u);
      }
    } finally {
      await unfriend(e, u, friends);
    }
  },
} satisfies Case;
