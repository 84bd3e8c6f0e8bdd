import type { Fault } from "./fault.js";

export const capOffByOne = {
  id: "cap-off-by-one",
  title: "The group cap is 31: the 32nd group is refused",
  breaks: ["group-cap-32", "names-per-request-32", "valid-request-accepted"],
  behaviour: { maxGroupsPerUser: 31 },
} satisfies Fault;
