import type { Variant } from "../../fault.js";

// Benign: RFC 8259 §2: whitespace is allowed around any structural character; 3 is still an integer literal.
export const jsonNumberSpacing = {
  id: "json-number-spacing",
  title: "Answers put spaces around ':' and ',', so integers read as ' : 3 ,' in the text",
  behaviour: { jsonLayout: "spaced" },
} satisfies Variant;
