import type { Fault } from "./fault.js";

export const nameLimit31Bytes = {
  id: "name-limit-31-bytes",
  title: "Group names of 31 bytes are accepted",
  breaks: ["name-30-bytes", "failed-call-no-change"],
  behaviour: { maxNameBytes: 31 },
} satisfies Fault;
