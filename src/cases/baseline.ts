import { code } from "../core/contract/codes.js";
import { errorCode, refused } from "../core/kernel/exchange.js";
import { groupAdd, judgeItems, type Relation } from "../judge/oracles/judging.js";
import type { Case } from "./case.js";

/** https://cloud.tencent.com/document/product/269/10107 错误码: 30011 分组已达系统上限 (specs/error-codes.json) */
const GROUP_LIMIT = code("ERR_SVR_FRIENDSHIP_GROUP_COUNT_LIMIT");

/**
 * The positive control every run starts with: a valid group_add must be
 * accepted before anything can be called conformant (principle 6). A target
 * that refuses everything fails here, whatever else it answers well.
 * Against declared fixtures (a group_add-only target, nothing can be deleted)
 * it adds one group named after the run to the first declared user, with the
 * declared friends, non-friends and unknown ids in To_Account, each judged.
 */
export const baseline = {
  id: "baseline",
  title: "A valid group_add, as in the group_add page's examples, is accepted (the run's positive control)",
  rules: ["valid-request-accepted", "group-add-places-friends", "not-friend-fails-item"],
  groupAddOnly: true,
  async run({ t, pool, declared, declaredFixtures, gen, now }) {
    const u = pool.lease();
    if (!declared || !declaredFixtures) {
      const ex = await groupAdd(t, u, ["baseline"]);
      t.expectAccepted("valid-request-accepted", ex, "a plain valid group_add on a user with no groups");
      return;
    }
    // Unique per run: a name that exists already could be refused (an open behaviour).
    const name = `tc_${gen.seed.toString(36)}_${now().toString(36)}`;
    const relation = new Map<string, Relation>([
      ...declaredFixtures.friends.map((a) => [a, "friend"] as const),
      ...declaredFixtures.nonFriends.map((a) => [a, "stranger"] as const),
      ...declaredFixtures.unknown.map((a) => [a, "unknown"] as const),
    ]);
    const to = [...relation.keys()].slice(0, 1000);
    const ex = await groupAdd(t, u, [name], to);
    if (refused(ex) && errorCode(ex) === GROUP_LIMIT) {
      t.skip(
        "valid-request-accepted",
        `the declared user ${u} already holds 32 groups (30011): declare a user with room, or reset the target`,
      );
      return;
    }
    if (
      !t.expectAccepted("valid-request-accepted", ex, `a valid group_add with ${to.length} declared accounts`)
    )
      return;
    judgeItems(t, ex, to, (a) => relation.get(a) ?? "unknown");
  },
} satisfies Case;
