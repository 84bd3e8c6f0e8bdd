import type { HoldoutFault } from "./holdout.js";

// Normalising on the way in (to make names comparable) changes the stored code points:
// a client that sent decomposed text no longer finds its group by name.
export const nameNfcNormalised = {
  id: "name-nfc-normalised",
  title: "Group names are Unicode-normalised (NFC) before they are stored: e + U+0301 comes back as é",
  class: "names",
  promise:
    "group_add creates the groups named in GroupName, so group_get returns the same characters that were sent, not a normalised form of them.",
  clause: "GroupName | Array | 必填 | 新增分组列表",
  source: "https://cloud.tencent.com/document/product/269/10107 (request fields)",
  neighbour: "json-escape-non-ascii",
  behaviour: { storeNameAs: "nfc" },
} satisfies HoldoutFault;
