import type { HoldoutFault } from "./holdout.js";

// A batch writer that flushes 500 rows and forgets the remainder.
export const membersCappedAt500 = {
  id: "members-capped-at-500",
  title: "Only the first 500 To_Account friends are placed; the rest are answered ResultCode 0 but left out",
  class: "sizes",
  promise:
    "Up to 1000 To_Account friends in one call are each placed in the new groups when their ResultCode is 0.",
  clause: "To_Account | Array | 选填 | 需要加入新增分组的好友的 UserID 列表,单次请求的好友数不得超过1000",
  source: "https://cloud.tencent.com/document/product/269/10107 (request fields)",
  neighbour: "deflate-all-bodies",
  behaviour: { maxPlacedPerCall: 500 },
} satisfies HoldoutFault;
