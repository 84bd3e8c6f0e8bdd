import type { Fault } from "./fault.js";

// group_delete (删除分组: 要删除的分组列表) answers OK for several names but deletes only the first;
// only a later group_get shows the others still there.
export const deleteOnlyFirst = {
  id: "delete-only-first",
  title: "group_delete of several names answers OK and deletes only the first",
  breaks: ["group-delete-removes"],
  behaviour: { deleteOnlyFirst: true },
} satisfies Fault;
