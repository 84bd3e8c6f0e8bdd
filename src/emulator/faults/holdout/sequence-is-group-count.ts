import type { HoldoutFault } from "./holdout.js";

// A sequence derived from the data (the group count) instead of kept as a counter.
export const sequenceIsGroupCount = {
  id: "sequence-is-group-count",
  title: "CurrentSequence is the number of groups, so it falls after group_delete",
  class: "sequence",
  promise:
    "CurrentSequence is the user's latest group Sequence: it never goes back after a change such as group_delete.",
  clause: "CurrentSequence | Integer | 返回最新的分组 Sequence",
  source:
    "https://cloud.tencent.com/document/product/269/10107 (response fields); docs/sources/tencent-im-rest.md §2.1-2.2",
  neighbour: "sequence-step-7",
  behaviour: { seqIsGroupCount: true },
} satisfies HoldoutFault;
