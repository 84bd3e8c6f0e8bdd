import { type GroupView, groupsOf } from "../fixtures/pool.js";
import { errorCode } from "../transport/exchange.js";
import type { Case } from "./case.js";
import { expectUnchanged, groupAdd, names } from "./helpers.js";

// seed: 因分组数最多32; 30011 分组已达系统上限
export default {
  id: "group-cap",
  title: "32 groups per user across calls: the 32nd fits, the 33rd is refused with 30011",
  rules: ["group-cap-32", "documented-code-for-condition", "failed-call-no-change"],
  async run({ t, pool }) {
    const u = pool.lease();
    for (const batch of [names("cap", 16, 1), names("cap", 14, 17), names("cap", 2, 31)]) {
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
      full.names.length === 32,
      `group_get shows ${full.names.length} groups after adding 32`,
    );
    // Fresh names on every try, so a wrongly accepted try cannot make the next fail for "name exists".
    for (const [what, batch] of [
      ["a 33rd group", ["cap33"]],
      ["two more groups", ["cap34", "cap35"]],
    ] as const) {
      const ex = await groupAdd(t, u, [...batch]);
      t.expectRefused("group-cap-32", ex, `${what} on a user with 32`);
      const c = errorCode(ex);
      if (c !== undefined && c !== 0)
        t.expect(
          "documented-code-for-condition",
          c === 30011,
          `group cap answered ${c} (the seed's table: 30011)`,
          ex,
        );
      const after = (await expectUnchanged(t, u, full, `refused ${what}`)) as GroupView;
      t.expect("group-cap-32", after.names.length <= 32, `group_get shows ${after.names.length} groups`);
    }
    // Without the 32 groups in place (group-cap-32 failed above), the rest cannot be set up.
    if (!full.names.includes("cap32")) return;
    await t.fixture("group_delete", { From_Account: u, GroupName: ["cap32"] });
    const at31 = await groupsOf(t, u);
    const ex = await groupAdd(t, u, ["cap36", "cap37"]);
    t.expectRefused("group-cap-32", ex, "two groups on a user with 31");
    const after = (await expectUnchanged(t, u, at31, "refused group_add crossing the cap")) as GroupView;
    t.expect("group-cap-32", after.names.length <= 32, `group_get shows ${after.names.length} groups`);
  },
} satisfies Case;
