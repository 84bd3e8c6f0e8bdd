import type { Variant } from "../../fault.js";

// Benign: docs/sources/tencent-im-rest.md §2.1: deleting a non-existent group is not documented (30001 or silent OK).
export const deleteUnknownNameIgnored = {
  id: "delete-unknown-name-ignored",
  title: "group_delete skips names the user does not have instead of answering 30001",
  behaviour: { deleteUnknownName: "ignore" },
} satisfies Variant;
