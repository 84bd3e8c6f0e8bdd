import type { HoldoutFault } from "./holdout.js";

// A per-character byte table keyed on the first UTF-16 unit: a surrogate (0xD800-0xDFFF) falls
// in the 3-byte row, so names of characters outside the BMP are under-counted.
export const nameLimitAstralAs3Bytes = {
  id: "name-limit-astral-as-3-bytes",
  title:
    "The 30-byte limit counts a 4-byte character (emoji, CJK Ext. B) as 3 bytes, so 8 emoji (32 bytes) pass",
  class: "names",
  promise: "A group name longer than 30 bytes of UTF-8 is refused, whatever characters make it up.",
  clause: "每个分组的名称最长30字节",
  source: "docs/sources/tencent-im-rest.md §1.5 (limits page)",
  neighbour: "json-escape-non-ascii",
  behaviour: { nameLimitUnit: "astral-as-3" },
  shouldOnly:
    "counting 4-byte characters as 3 only lets through names of at most 30 characters and more than 30 bytes; the EN/KO limits page says 30 characters, the ZH/JP one 30 bytes, so name-bytes-not-chars is SHOULD",
} satisfies HoldoutFault;
