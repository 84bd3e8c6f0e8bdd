import type { HoldoutFault } from "./holdout.js";

// Like a database column with a case-insensitive collation (utf8mb4_general_ci): the
// existence check folds case, so a new name is refused as if it were there.
export const nameCaseInsensitiveExisting = {
  id: "name-case-insensitive-existing",
  title: "Names are compared without letter case: with Family stored, family is refused as existing",
  class: "names",
  promise:
    "A group name the user does not have yet is added by group_add; names differing only in letter case are different groups.",
  clause: "添加分组,支持批量添加分组,并将指定好友加入到新增分组中。",
  source: "docs/sources/tencent-im-rest.md §1.1",
  neighbour: "existing-name-skipped",
  behaviour: { existingNameMatch: "case-folded" },
} satisfies HoldoutFault;
