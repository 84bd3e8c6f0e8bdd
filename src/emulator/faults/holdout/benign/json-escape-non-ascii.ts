import type { Variant } from "../../fault.js";

// Benign: RFC 8259 §7: any character may be escaped; the parsed names are unchanged.
export const jsonEscapeNonAscii = {
  id: "json-escape-non-ascii",
  title:
    "Answers write every non-ASCII character as \\u escapes (surrogate pairs for emoji): the same JSON values",
  behaviour: { jsonEscape: "ascii" },
} satisfies Variant;
