import type { HoldoutFault } from "./holdout.js";

// An implementer who escapes user text on the way in (against XSS in a console) stores
// names that differ from the ones sent.
export const nameMarkupEscaped = {
  id: "name-markup-escaped",
  title: "Group names are HTML-escaped before they are stored: a<b is kept as a&lt;b",
  class: "names",
  promise:
    "group_add creates the groups named in GroupName, so group_get lists each name exactly as it was sent, markup characters included.",
  clause: "GroupName | Array | 必填 | 新增分组列表",
  source: "https://cloud.tencent.com/document/product/269/10107 (request fields)",
  neighbour: "json-html-safe-escapes",
  behaviour: { storeNameAs: "html-escaped" },
} satisfies HoldoutFault;
