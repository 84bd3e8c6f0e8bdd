import type { HoldoutFault } from "./holdout.js";

// A numeric-looking id parsed with Number() on the way to a lookup: leading zeros are lost
// (and ids past 2^53 change), so the account is not found.
export const useridDigitsAsNumber = {
  id: "userid-digits-as-number",
  title: "A digits-only From_Account is read as a number: 007 is looked up as 7 and answered 30003",
  class: "accounts",
  promise:
    "group_add adds groups for any existing UserID given in From_Account, a digits-only one with leading zeros included.",
  clause: "From_Account | String | 必填 | 需要为该 UserID 添加新分组",
  source: "https://cloud.tencent.com/document/product/269/10107 (request fields)",
  neighbour: "result-item-reversed",
  behaviour: { fromAccountMatch: "numeric" },
} satisfies HoldoutFault;
