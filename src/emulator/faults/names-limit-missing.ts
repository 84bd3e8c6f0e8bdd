import type { Fault } from "./fault.js";

export const namesLimitMissing = {
  id: "names-limit-missing",
  title: "No limit on the number of names in one request (cap counted per call only)",
  breaks: ["names-per-request-32", "group-cap-32"],
  behaviour: { maxNamesPerRequest: Number.MAX_SAFE_INTEGER, maxGroupsPerUser: Number.MAX_SAFE_INTEGER },
} satisfies Fault;
