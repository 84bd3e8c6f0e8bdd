import type { HoldoutFault } from "./holdout.js";

// Bytes counted the way MySQL utf8mb3 or Java's modified UTF-8 encode: each half of a surrogate
// pair as 3 bytes, so 7 emoji and "ab" (30 bytes) count as 44.
export const nameLimitAstralAs6Bytes = {
  id: "name-limit-astral-as-6-bytes",
  title:
    "The 30-byte limit counts a 4-byte character as 6 bytes (CESU-8), so a 30-byte emoji name is refused",
  class: "names",
  promise:
    "A group name of at most 30 bytes of UTF-8 is accepted, also when it is made of 4-byte characters.",
  clause: "每个分组的名称最长30字节",
  source: "docs/sources/tencent-im-rest.md §1.5 (limits page)",
  neighbour: "json-escape-non-ascii",
  behaviour: { nameLimitUnit: "cesu-8" },
} satisfies HoldoutFault;
