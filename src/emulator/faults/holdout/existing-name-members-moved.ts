import type { HoldoutFault } from "./holdout.js";

// An existing name is skipped as a no-op (the docs leave that open), but the placement loop
// walks every named group instead of the new ones.
export const existingNameMembersMoved = {
  id: "existing-name-members-moved",
  title: "In a call mixing an existing name with new ones, the friends are also put in the existing group",
  class: "accounts",
  promise:
    "group_add puts the To_Account friends into the newly added groups only; a group the user already had keeps its members.",
  clause: "添加分组,支持批量添加分组,并将指定好友加入到新增分组中。",
  source: "docs/sources/tencent-im-rest.md §1.1",
  neighbour: "existing-name-skipped",
  behaviour: { existingName: "ignore", placeIn: "all-named" },
} satisfies HoldoutFault;
