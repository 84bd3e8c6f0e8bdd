import type { Variant } from "../../fault.js";

// Benign: RFC 8259 §7: any character may be escaped; the parsed names are unchanged.
export const jsonHtmlSafeEscapes = {
  id: "json-html-safe-escapes",
  title:
    "Answers write < > & (and U+2028/9) in strings as \\u escapes, as Go's encoding/json does: the same JSON values",
  behaviour: { jsonEscape: "html-safe" },
} satisfies Variant;
