import type { Variant } from "../../fault.js";

// Benign: RFC 8259 §2: whitespace is allowed around any structural character.
export const jsonPretty = {
  id: "json-pretty",
  title: "Answers are pretty-printed JSON (newlines, two-space indents)",
  behaviour: { jsonLayout: "pretty" },
} satisfies Variant;
