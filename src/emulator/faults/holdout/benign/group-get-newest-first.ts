import type { Variant } from "../../fault.js";

// Benign: docs/sources/tencent-im-rest.md §2.2: ResultItem is an array of groups; no order is documented.
export const groupGetNewestFirst = {
  id: "group-get-newest-first",
  title: "group_get lists the groups newest first",
  behaviour: { groupGetOrder: "newest-first" },
} satisfies Variant;
