import type { HoldoutFault } from "./holdout.js";

// The member count kept in one byte (uint8): 256 friends read as 0, 300 as 44.
export const friendNumberWrapsAt256 = {
  id: "friend-number-wraps-at-256",
  title: "group_get's FriendNumber wraps at 256 (a one-byte counter)",
  class: "sizes",
  promise: "group_get's FriendNumber is the number of friends in the group, however many there are.",
  clause: "ResultItem[].FriendNumber | Integer | 该分组下的好友数量",
  source: "docs/sources/tencent-im-rest.md §2.2",
  neighbour: "gzip-large-bodies",
  allCommands: true,
  rewrite: ({ command, envelope }) =>
    command === "group_get" && Array.isArray(envelope.ResultItem)
      ? {
          ...envelope,
          ResultItem: envelope.ResultItem.map((g: Record<string, unknown>) =>
            typeof g.FriendNumber === "number" ? { ...g, FriendNumber: g.FriendNumber % 256 } : g,
          ),
        }
      : envelope,
} satisfies HoldoutFault;
