import type { Fault } from "./fault.js";

// Only a sequence shows it: add a group with a friend, add another with the same friend,
// delete the first; the friend is gone from the second too.
export const membersLostAfterDelete = {
  id: "members-lost-after-delete",
  title: "Deleting a group takes its members out of every other group too",
  onlyGenerationFinds: true,
  breaks: ["state-matches-calls"],
  behaviour: { deleteStripsAllMemberships: true },
} satisfies Fault;
