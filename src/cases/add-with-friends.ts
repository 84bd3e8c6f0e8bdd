import { bodyOf } from "../core/kernel/exchange.js";
import { groupAdd, judgeItems, judgeMembers, type Relation } from "../judge/oracles/judging.js";
import { befriend, friendGroups, groupsOf } from "../judge/probe/calls.js";
import { itemsOf } from "../judge/probe/view.js";
import type { Case } from "./case.js";

// seed, second example: friends get ResultCode 0 and join the new group; every other To_Account
// fails in its item and in Fail_Account, the call itself OK. Each kind of non-friend the docs'
// condition covers is sent: an imported account never befriended, a former friend, an unknown id.
export const addWithFriends = {
  id: "add-with-friends",
  title: "Adding a group with two friends, a never-befriended account, a former friend and an unknown id",
  rules: [
    "group-add-places-friends",
    "not-friend-fails-item",
    "group-add-creates-groups",
    "open-not-friend-code",
  ],
  async run({ t, pool }) {
    const [u, f1, f2, stranger, former] = [
      pool.lease(),
      pool.lease(),
      pool.lease(),
      pool.lease(),
      pool.lease(),
    ];
    const ghost = await pool.ghost(t);
    await befriend(t, u, [f1, f2, former]);
    await t.fixture("friend_delete", {
      From_Account: u,
      To_Account: [former],
      DeleteType: "Delete_Type_Both",
    });
    const relation = new Map<string, Relation>([
      [f1, "friend"],
      [stranger, "stranger"],
      [former, "former"],
      [f2, "friend"],
      [ghost, "unknown"],
    ]);
    // Sent in both orders, so each kind of account is once in the last place, where an answer
    // that drops or shifts an item shows it (a friend last, then an unknown id last).
    const to = [...relation.keys()];
    const groups: Array<[string, string[]]> = [
      ["team", to],
      ["team-reversed", [...to].reverse()],
    ];
    for (const [name, order] of groups) {
      const ex = await groupAdd(t, u, [name], order);
      if (!t.expectAccepted("not-friend-fails-item", ex, "group_add with some non-friends")) return;
      judgeItems(t, ex, order, (a) => relation.get(a) ?? "unknown");
      for (const i of itemsOf(bodyOf(ex)?.ResultItem)) {
        const r = relation.get(String(i.To_Account));
        if (r && r !== "friend" && Number.isInteger(i.ResultCode) && i.ResultCode !== 0)
          t.observe("open-not-friend-code", `${String(i.ResultCode)} ${String(i.ResultInfo)}`, ex);
      }
      const view = await groupsOf(t, u);
      t.expect(
        "group-add-creates-groups",
        view.names.includes(name),
        `group_get lists ${JSON.stringify(view.names)}`,
        ex,
        () => ({
          instancePath: "/ResultItem (group_get)",
          expected: `includes "${name}"`,
          actual: JSON.stringify(view.names),
        }),
      );
      judgeMembers(t, view, [name], [f1, f2], ex);
      const tags = await friendGroups(t, u, [f1, f2]);
      const untagged = [f1, f2].filter((f) => !(tags.get(f) ?? []).includes(name));
      t.expect(
        "group-add-places-friends",
        untagged.length === 0,
        untagged.length
          ? `friend_get_list: ${untagged.join(", ")} lack "${name}" in Tag_SNS_IM_Group`
          : `friend_get_list shows both friends in "${name}"`,
        ex,
        () => ({
          instancePath: "/InfoItem/SnsProfileItem/Tag_SNS_IM_Group (friend_get_list)",
          expected: `"${name}" for ${untagged.join(", ")}`,
          actual: "absent",
        }),
      );
    }
  },
} satisfies Case;
