import type { HoldoutFault } from "./holdout.js";

// Code written for the single-group case (friend_add's GroupName is one string) and reused.
export const membersFirstGroupOnly = {
  id: "members-first-group-only",
  title: "With several new names, the To_Account friends are put only in the first new group",
  class: "effects",
  promise: "The To_Account friends are put into every group the call adds.",
  clause: "添加分组,支持批量添加分组,并将指定好友加入到新增分组中。",
  source: "docs/sources/tencent-im-rest.md §1.1",
  neighbour: "result-item-reversed",
  behaviour: { placeIn: "first-fresh" },
} satisfies HoldoutFault;
