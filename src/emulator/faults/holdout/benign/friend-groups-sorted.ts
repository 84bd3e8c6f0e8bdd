import type { Variant } from "../../fault.js";

// Benign: docs/sources/tencent-im-rest.md §2.6: Tag_SNS_IM_Group is an array of group names; no order is documented.
export const friendGroupsSorted = {
  id: "friend-groups-sorted",
  title: "friend_get_list lists a friend's group names sorted, not in the order they were joined",
  behaviour: { friendGroupsOrder: "sorted" },
} satisfies Variant;
