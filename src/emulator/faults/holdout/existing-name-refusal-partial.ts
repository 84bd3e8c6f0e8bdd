import type { HoldoutFault } from "./holdout.js";

// Names inserted one by one, returning at the first that already exists: no rollback.
export const existingNameRefusalPartial = {
  id: "existing-name-refusal-partial",
  title: "A call refused for an existing name keeps the new names listed before it",
  class: "effects",
  promise: "A group_add answered ActionStatus FAIL creates no group.",
  clause: "ActionStatus | String | 请求处理的结果,OK 表示处理成功,FAIL 表示失败",
  source: "https://cloud.tencent.com/document/product/269/10107 (response fields)",
  neighbour: "existing-name-skipped",
  behaviour: { existingRefusalKeepsEarlier: true },
} satisfies HoldoutFault;
