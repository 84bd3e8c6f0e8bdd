import type { Fault } from "./fault.js";

export const capIgnoresExisting = {
  id: "cap-ignores-existing",
  title: "The 32-group cap counts only the names in the request, not the groups the user has",
  breaks: ["group-cap-32"],
  behaviour: { capCountsExisting: false },
} satisfies Fault;
