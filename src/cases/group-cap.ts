import { code } from "../core/contract/codes.js";
import { limits } from "../core/contract/limits.js";
import { type Exchange, errorCode } from "../core/kernel/exchange.js";
import { expectUnchanged, groupAdd, names } from "../judge/oracles/judging.js";
import { groupsOf } from "../judge/probe/calls.js";
import type { CaseContext } from "../judge/probe/context.js";
import type { GroupView } from "../judge/probe/view.js";
import type { Case } from "./case.js";

/** https://cloud.tencent.com/document/product/269/10107 错误码: 30011 分组已达系统上限 (specs/error-codes.json) */
const GROUP_LIMIT = code("ERR_SVR_FRIENDSHIP_GROUP_COUNT_LIMIT");

// https://cloud.tencent.com/document/product/269/10107: 因分组数最多32; 30011 分组已达系统上限 (the number is specs/limits.json's maxGroupsPerUser)
const CAP = limits.maxGroupsPerUser;

/** After a refused call, group_get never shows more than the cap. */
function withinCap(t: CaseContext, after: GroupView, ex: Exchange): void {
  t.expect(
    "group-cap-32",
    after.names.length <= CAP,
    `group_get shows ${after.names.length} groups`,
    ex,
    () => ({
      instancePath: "/ResultItem (group_get)",
      expected: `at most ${CAP} groups`,
      actual: `${after.names.length} groups`,
    }),
  );
}

export const groupCap = {
  id: "group-cap",
  title: "32 groups per user across calls: the 32nd fits, the 33rd is refused with 30011",
  rules: ["group-cap-32", "documented-code-for-condition", "failed-call-no-change"],
  async run({ t, pool }) {
    const u = pool.lease();
    // Three calls of at most 32 names (the per-request limit) fill the user exactly to the cap.
    for (const batch of [names("cap", 16, 1), names("cap", CAP - 18, 17), names("cap", 2, CAP - 1)]) {
      const ex = await groupAdd(t, u, batch);
      if (
        !t.expectAccepted(
          "group-cap-32",
          ex,
          `group_add of ${batch.length} names, up to ${batch.length + Number(batch[0]?.slice(3)) - 1} groups`,
        )
      )
        return;
    }
    const full = await groupsOf(t, u);
    t.expect(
      "group-cap-32",
      full.names.length === CAP,
      `group_get shows ${full.names.length} groups after adding ${CAP}`,
      undefined,
      () => ({
        instancePath: "/ResultItem (group_get)",
        expected: `${CAP} groups`,
        actual: `${full.names.length} groups`,
      }),
    );
    // Fresh names on every try, so a wrongly accepted try cannot make the next fail for "name exists".
    for (const [what, batch] of [
      [`group number ${CAP + 1}`, [`cap${CAP + 1}`]],
      ["two more groups", [`cap${CAP + 2}`, `cap${CAP + 3}`]],
    ] as const) {
      const ex = await groupAdd(t, u, [...batch]);
      t.expectRefused("group-cap-32", ex, `${what} on a user with ${CAP}`);
      const c = errorCode(ex);
      if (c !== undefined && c !== 0)
        t.expect(
          "documented-code-for-condition",
          c === GROUP_LIMIT,
          `group cap answered ${c} (the group_add page's table: ${GROUP_LIMIT})`,
          ex,
          () => ({ instancePath: "/ErrorCode", expected: String(GROUP_LIMIT), actual: String(c) }),
        );
      const after = (await expectUnchanged(t, u, full)) as GroupView;
      withinCap(t, after, ex);
    }
    // Without the groups in place (group-cap-32 failed above), the rest cannot be set up.
    if (!full.names.includes(`cap${CAP}`)) return;
    await t.fixture("group_delete", { From_Account: u, GroupName: [`cap${CAP}`] });
    const at31 = await groupsOf(t, u);
    const ex = await groupAdd(t, u, [`cap${CAP + 4}`, `cap${CAP + 5}`]);
    t.expectRefused("group-cap-32", ex, `two groups on a user with ${CAP - 1}`);
    const after = (await expectUnchanged(t, u, at31)) as GroupView;
    withinCap(t, after, ex);
  },
} satisfies Case;
