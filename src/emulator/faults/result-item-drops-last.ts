import type { Fault } from "./fault.js";

export const resultItemDropsLast = {
  id: "result-item-drops-last",
  title: "ResultItem misses the entry of the last requested To_Account",
  breaks: [
    "result-item-per-account",
    "fail-account-matches",
    "friends-per-request-1000",
    "group-add-places-friends",
    "not-friend-fails-item",
  ],
  rewrite: ({ envelope }) =>
    Array.isArray(envelope.ResultItem) && envelope.ResultItem.length > 1
      ? { ...envelope, ResultItem: envelope.ResultItem.slice(0, -1) }
      : envelope,
} satisfies Fault;
