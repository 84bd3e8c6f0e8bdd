import type { HoldoutFault } from "./holdout.js";

// The relation record is rebuilt on friend_delete and the group Sequence starts again from 0.
export const sequenceResetByFriendDelete = {
  id: "sequence-reset-by-friend-delete",
  title: "friend_delete resets the user's group Sequence to 0",
  class: "sequence",
  promise:
    "CurrentSequence is the user's latest group Sequence: a friend change does not send it back below a value already returned.",
  clause: "CurrentSequence | Integer | 返回最新的分组 Sequence",
  source:
    "https://cloud.tencent.com/document/product/269/10107 (response fields); docs/sources/tencent-im-rest.md §2.2",
  neighbour: "sequence-moves-on-friend-changes",
  behaviour: { friendDeleteResetsSeq: true },
} satisfies HoldoutFault;
