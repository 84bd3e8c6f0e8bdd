import type { Variant } from "../../fault.js";

// Benign: docs/sources/tencent-im-rest.md §7 q5: what moves the Sequence is not documented; it only goes up here.
export const sequenceMovesOnFriendChanges = {
  id: "sequence-moves-on-friend-changes",
  title: "friend_import, friend_add and friend_delete move the group Sequence too",
  behaviour: { friendChangesBumpSeq: true },
} satisfies Variant;
