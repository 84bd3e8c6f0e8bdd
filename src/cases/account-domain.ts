import { answerKind, bodyOf } from "../core/kernel/exchange.js";
import { judgeByDomain } from "../judge/oracles/domain.js";
import { groupAdd, judgeItems, type Relation } from "../judge/oracles/judging.js";
import { befriend } from "../judge/probe/calls.js";
import { outcomeOf } from "../judge/probe/context.js";
import { itemsOf } from "../judge/probe/view.js";
import type { Case } from "./case.js";

/** Whether no account by this id exists (the suite never imports look-alikes of its own ids). */
async function absent(t: Parameters<Case["run"]>[0]["t"], id: string): Promise<boolean> {
  const res = await t.fixture("account_check", { CheckItem: [{ UserID: id }] });
  return itemsOf(res.ResultItem)[0]?.AccountStatus === "NotImported";
}

// Issue 20: the documented account domain covered on purpose (specs/input-domain.json, fields
// group_add/From_Account and group_add/To_Account/*): digits-only UserIDs, ids that nearly match an
// imported one (other letters, whitespace, a leading zero), From_Account in its own To_Account, an
// account twice in To_Account. Near-matches name nobody, so they are refused; and because a
// server that matched them loosely would change the real account, that one is read back too.
export const accountDomain = {
  id: "account-domain",
  title:
    "Digits-only UserIDs, near-matches of an imported id (case, whitespace, leading zero), From_Account in its own To_Account, duplicates in To_Account",
  covers: [
    "from-digits-only",
    "from-space-variant",
    "from-case-variant",
    "from-leading-zero",
    "to-self",
    "to-duplicates",
    "to-digits-only",
    "to-case-variant",
  ],
  rules: [
    "valid-request-accepted",
    "unknown-from-account",
    "group-add-places-friends",
    "not-friend-fails-item",
    "open-duplicate-to-account",
  ],
  async run({ t, pool }) {
    const [u, f, s] = [pool.lease(), pool.lease(), pool.lease()];
    const d = pool.leaseDigits();
    const d2 = pool.leaseDigits();
    await befriend(t, u, [f, ...(d2 ? [d2] : [])]);
    const rel = new Map<string, Relation>([
      [f, "friend"],
      [s, "stranger"],
      [u, "stranger"],
      ...(d2 ? ([[d2, "friend"]] as const) : []),
    ]);
    const relationOf = (a: string): Relation => rel.get(a) ?? "unknown";
    const add = async (from: string, names: string[], to: string[] | undefined, what: string) => {
      const ex = await groupAdd(t, from, names, to);
      judgeByDomain(t, ex, what);
      if (to && answerKind(ex) === "accepted") judgeItems(t, ex, to, relationOf);
      return ex;
    };
    if (d) await add(d, ["digits-from"], undefined, "a digits-only From_Account");
    if (d2) await add(u, ["digits-to"], [d2, s], "a digits-only friend in To_Account");
    await add(u, ["self"], [u, f], "From_Account inside its own To_Account");
    const twice = await add(u, ["twice"], [f, f, s, s], "the same friend and non-friend twice in To_Account");
    t.observe(
      "open-duplicate-to-account",
      `${outcomeOf(twice)}; ${itemsOf(bodyOf(twice)?.ResultItem).length} items for 4 entries`,
      twice,
    );
    const upperFriend = f.toUpperCase();
    if (upperFriend !== f && (await absent(t, upperFriend)))
      await add(u, ["case-to"], [upperFriend, f], "a friend's id in other letters in To_Account");
    const near: Array<[string, string]> = [
      [` ${u} `, "an imported id with spaces around it"],
      [`${u}\t`, "an imported id with a tab after it"],
      [u.toUpperCase(), "an imported id in other letters"],
      ...(d ? ([[`0${d}`, "a digits-only id with a leading zero"]] as Array<[string, string]>) : []),
    ];
    for (const [from, what] of near)
      if (await absent(t, from)) await add(from, ["near"], undefined, `From_Account ${what}`);
    // A server that matched a near-miss to the real account changed it: group_get shows that.
    await t.readBack(u);
    if (d) await t.readBack(d);
  },
} satisfies Case;
