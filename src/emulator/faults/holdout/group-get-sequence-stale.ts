import type { HoldoutFault } from "./holdout.js";

// group_get reads a replica that trails the last write by one: its Sequence is the one before.
export const groupGetSequenceStale = {
  id: "group-get-sequence-stale",
  title: "group_get reports the Sequence from before the latest change",
  class: "helpers",
  promise:
    "group_get's CurrentSequence is the latest group Sequence: right after a group_add it is the Sequence that call returned.",
  clause: "CurrentSequence | Integer | 返回最新的分组 Sequence",
  source: "docs/sources/tencent-im-rest.md §2.2",
  neighbour: "sequence-step-7",
  allCommands: true,
  rewrite: ({ command, envelope }) =>
    command === "group_get" && typeof envelope.CurrentSequence === "number" && envelope.CurrentSequence > 0
      ? { ...envelope, CurrentSequence: envelope.CurrentSequence - 1 }
      : envelope,
} satisfies HoldoutFault;
