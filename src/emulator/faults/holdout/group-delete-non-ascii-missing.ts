import type { HoldoutFault } from "./holdout.js";

// The delete path decodes the body with the wrong charset, so a name like 家人 matches nothing.
export const groupDeleteNonAsciiMissing = {
  id: "group-delete-non-ascii-missing",
  title:
    "group_delete reads names as Latin-1: an existing non-ASCII group is answered 30001 (does not exist) and kept",
  class: "helpers",
  promise: "group_delete deletes the named groups the user has, whatever characters their names hold.",
  clause: "GroupName | Array | Yes | 要删除的分组列表",
  source: "docs/sources/tencent-im-rest.md §2.1",
  neighbour: "delete-unknown-name-ignored",
  behaviour: { deleteDecodesLatin1: true },
} satisfies HoldoutFault;
