import { befriend, friendGroups, groupsOf } from "../fixtures/pool.js";
import { bodyOf } from "../transport/exchange.js";
import type { Case } from "./case.js";
import { groupAdd } from "./helpers.js";

export default {
  id: "add-with-friends",
  title: "Adding a group with two friends, an imported non-friend and an unknown account",
  rules: ["group-add-places-friends", "not-friend-fails-item", "open-not-friend-code"],
  async run({ t, pool }) {
    const [u, f1, f2, stranger] = [pool.lease(), pool.lease(), pool.lease(), pool.lease()];
    const ghost = await pool.ghost(t);
    await befriend(t, u, [f1, f2]);
    const ex = await groupAdd(t, u, ["team"], [f1, stranger, f2, ghost]);
    if (!t.expectAccepted("not-friend-fails-item", ex, "group_add with some non-friends")) return;
    const items = (bodyOf(ex)?.ResultItem as Array<Record<string, unknown>> | undefined) ?? [];
    const code = (acc: string) => items.find((i) => i.To_Account === acc)?.ResultCode;
    const fails = (bodyOf(ex)?.Fail_Account as unknown[] | undefined) ?? [];
    for (const [acc, what] of [
      [stranger, "imported non-friend"],
      [ghost, "unknown account"],
    ] as const) {
      const c = code(acc);
      const ok = typeof c === "number" && c !== 0 && fails.includes(acc);
      t.expect(
        "not-friend-fails-item",
        ok,
        `${what}: ResultCode ${JSON.stringify(c)}, ${fails.includes(acc) ? "in" : "not in"} Fail_Account`,
        ex,
      );
      if (typeof c === "number" && c !== 0)
        t.observe(
          "open-not-friend-code",
          `${c} ${String(items.find((i) => i.To_Account === acc)?.ResultInfo)}`,
          ex,
        );
    }
    const view = await groupsOf(t, u);
    const members = view.members.get("team") ?? [];
    const placed = [f1, f2].filter((f) => code(f) === 0);
    t.expect(
      "group-add-places-friends",
      placed.length === 2,
      `friends' ResultCode: ${JSON.stringify([code(f1), code(f2)])}`,
      ex,
    );
    const lost = placed.filter((f) => !members.includes(f));
    t.expect(
      "group-add-places-friends",
      view.names.includes("team") && lost.length === 0,
      lost.length
        ? `group_get: ${lost.join(", ")} reported added but not in "team" (members ${JSON.stringify(members)})`
        : `group_get: "team" holds ${JSON.stringify(members)}`,
    );
    const strangers = [stranger, ghost].filter((s) => members.includes(s));
    t.expect(
      "not-friend-fails-item",
      strangers.length === 0,
      strangers.length ? `non-friends ${strangers.join(", ")} are members` : "no non-friend became a member",
    );
    const tags = await friendGroups(t, u, [f1, f2]);
    const untagged = placed.filter((f) => !(tags.get(f) ?? []).includes("team"));
    t.expect(
      "group-add-places-friends",
      untagged.length === 0,
      untagged.length
        ? `friend_get_list: ${untagged.join(", ")} lack "team" in Tag_SNS_IM_Group`
        : 'friend_get_list shows both friends in "team"',
    );
  },
} satisfies Case;
