import type { HoldoutFault } from "./holdout.js";

// A fallback lookup that folds case when the exact id is not found: ALICE writes into alice.
export const fromAccountCaseFolded = {
  id: "from-account-case-folded",
  title:
    "An unknown From_Account is matched to an account that differs only in letter case, whose groups change",
  class: "accounts",
  promise:
    "group_add adds groups for the UserID given in From_Account and no other; an account that does not exist is refused with 30003.",
  clause: "From_Account | String | 必填 | 需要为该 UserID 添加新分组",
  source: "https://cloud.tencent.com/document/product/269/10107 (request fields; 30003 请求的用户账号不存在)",
  neighbour: "result-item-reversed",
  behaviour: { fromAccountMatch: "case-folded" },
} satisfies HoldoutFault;
