import type { Fault } from "./fault.js";

export const nonAtomicCap = {
  id: "non-atomic-cap",
  title: "A group_add refused for the cap still stores its groups",
  breaks: ["group-cap-32", "failed-call-no-change"],
  behaviour: { atomic: false },
} satisfies Fault;
