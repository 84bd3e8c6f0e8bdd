import type { HoldoutFault } from "./holdout.js";

// The friend's group list is overwritten with the new groups instead of extended.
export const placementReplacesGroups = {
  id: "placement-replaces-groups",
  title: "Putting a friend in a new group takes it out of the groups it was in",
  class: "effects",
  promise: "A friend put in a new group keeps the groups it already belonged to.",
  clause: "同一个好友可以有多个不同的分组",
  source: "docs/sources/tencent-im-rest.md §1.5 (V2TIMFriendInfo)",
  neighbour: "friend-groups-sorted",
  behaviour: { placementReplaces: true },
} satisfies HoldoutFault;
