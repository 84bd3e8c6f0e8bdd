import { expectUnchanged, groupAdd, snapshotGroups } from "../judge/oracles/judging.js";
import type { Case } from "./case.js";

// docs/sources/tencent-im-rest.md §1.5 (V2TIMFriendInfo.friendGroups, all platforms): 不允许分组名为空
export const emptyName = {
  id: "empty-name",
  title: "An empty group name is refused, alone or beside a valid one",
  covers: ["name-empty"],
  rules: ["name-empty-rejected", "failed-call-no-change"],
  groupAddOnly: true,
  async run({ t, pool, declared }) {
    const u = pool.lease();
    let before = await snapshotGroups(t, u, declared);
    for (const [what, list] of [
      ['[""]', [""]],
      ['["valid", ""]', ["valid", ""]],
    ] as const) {
      const ex = await groupAdd(t, u, [...list]);
      t.expectRefused("name-empty-rejected", ex, `GroupName ${what}`);
      before = await expectUnchanged(t, u, before);
    }
  },
} satisfies Case;
