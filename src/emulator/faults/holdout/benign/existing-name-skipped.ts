import type { Variant } from "../../fault.js";

// Benign: docs/sources/tencent-im-rest.md §1.5 and §7 q2: an existing name is not documented either way.
export const existingNameSkipped = {
  id: "existing-name-skipped",
  title: "A name the user already has is skipped as a no-op; the new names in the call are added",
  behaviour: { existingName: "ignore" },
} satisfies Variant;
