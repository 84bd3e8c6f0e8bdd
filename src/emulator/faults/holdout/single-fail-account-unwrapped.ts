import type { HoldoutFault } from "./holdout.js";

// An XML-to-JSON bridge that turns a one-element list into its element: Fail_Account becomes a
// string when exactly one account failed, and stays an array otherwise.
export const singleFailAccountUnwrapped = {
  id: "single-fail-account-unwrapped",
  title: "Fail_Account is a string, not an array, when exactly one account failed",
  class: "wire",
  promise: "Fail_Account, when present, is an Array of UserIDs, also when it holds one.",
  clause: "Fail_Account | Array | 返回处理失败的用户列表,仅当存在失败用户时才返回该字段",
  source: "https://cloud.tencent.com/document/product/269/10107 (response fields)",
  neighbour: "json-pretty",
  rewrite: ({ envelope }) =>
    Array.isArray(envelope.Fail_Account) && envelope.Fail_Account.length === 1
      ? { ...envelope, Fail_Account: envelope.Fail_Account[0] }
      : envelope,
} satisfies HoldoutFault;
