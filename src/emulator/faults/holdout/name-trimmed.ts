import type { HoldoutFault } from "./holdout.js";

// A habitual .trim() on form input: " team " is stored as "team".
export const nameTrimmed = {
  id: "name-trimmed",
  title: "Leading and trailing whitespace of group names is trimmed before they are stored",
  class: "names",
  promise:
    "group_add creates the groups named in GroupName, so a name with leading or trailing spaces is listed by group_get with those spaces.",
  clause: "GroupName | Array | 必填 | 新增分组列表",
  source: "https://cloud.tencent.com/document/product/269/10107 (request fields)",
  neighbour: "json-pretty",
  behaviour: { storeNameAs: "trimmed" },
} satisfies HoldoutFault;
