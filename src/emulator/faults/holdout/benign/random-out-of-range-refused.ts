import type { Variant } from "../../fault.js";

// Benign: seed: random 取值范围0 - 4294967295; a value outside it is not promised an answer.
export const randomOutOfRangeRefused = {
  id: "random-out-of-range-refused",
  title: "random above 4294967295 is refused (60002); 0 to 4294967295 is accepted",
  behaviour: { randomOutOfRange: "reject" },
} satisfies Variant;
