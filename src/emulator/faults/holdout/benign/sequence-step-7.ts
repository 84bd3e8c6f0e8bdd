import type { Variant } from "../../fault.js";

// Benign: docs/sources/tencent-im-rest.md §1.5: monotonically increasing; the exact step is not guaranteed.
export const sequenceStep7 = {
  id: "sequence-step-7",
  title: "CurrentSequence moves by 7 per change",
  behaviour: { seqStep: 7 },
} satisfies Variant;
