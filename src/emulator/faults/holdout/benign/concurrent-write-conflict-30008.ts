import type { Variant } from "../../fault.js";

// Benign: seed: 30008 并发写导致写冲突,建议使用批量方式 is a documented answer.
export const concurrentWriteConflict30008 = {
  id: "concurrent-write-conflict-30008",
  title:
    "A group_add arriving while another for the same From_Account is in flight (20 ms window) gets 30008 and changes nothing",
  behaviour: { writeConflictWindowMs: 20 },
} satisfies Variant;
