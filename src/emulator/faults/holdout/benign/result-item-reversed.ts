import type { Variant } from "../../fault.js";

// Benign: seed: ResultItem is an array of per-friend results; no order is documented.
export const resultItemReversed = {
  id: "result-item-reversed",
  title: "ResultItem lists the To_Account results in reverse request order",
  behaviour: { resultOrder: "reverse" },
} satisfies Variant;
