import type { HoldoutFault } from "./holdout.js";

// A page size of 20 left in from a list view: the rest of the user's groups are never shown.
export const groupGetFirst20 = {
  id: "group-get-first-20",
  title: "group_get lists at most 20 groups, with nothing saying more exist",
  class: "helpers",
  promise: "group_get lists every group the user has (up to the 32 a user may hold).",
  clause: "ResultItem | Array | 拉取分组的结果对象数组; 好友分组最多支持32个",
  source: "docs/sources/tencent-im-rest.md §2.2 and §1.5",
  neighbour: "group-get-newest-first",
  allCommands: true,
  rewrite: ({ command, envelope }) =>
    command === "group_get" && Array.isArray(envelope.ResultItem) && envelope.ResultItem.length > 20
      ? { ...envelope, ResultItem: envelope.ResultItem.slice(0, 20) }
      : envelope,
} satisfies HoldoutFault;
