import type { Fault } from "./fault.js";

// A lost update: a group_add that places friends overwrites the user's oldest group. The answer is
// right; only a later group_get shows that a group nobody deleted is gone.
export const placingDropsOldest = {
  id: "placing-drops-oldest",
  title: "A group_add that places friends loses the user's oldest group",
  breaks: ["state-matches-calls"],
  behaviour: { dropOldestOnAdd: true },
} satisfies Fault;
