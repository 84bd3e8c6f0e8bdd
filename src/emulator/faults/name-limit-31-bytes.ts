import type { Fault } from "./fault.js";

export const nameLimit31Bytes = {
  id: "name-limit-31-bytes",
  title: "Group names of 31 bytes are accepted",
  breaks: ["name-30-bytes"],
  behaviour: { maxNameBytes: 31 },
} satisfies Fault;
