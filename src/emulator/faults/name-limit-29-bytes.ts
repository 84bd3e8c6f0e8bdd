import type { Fault } from "./fault.js";

export const nameLimit29Bytes = {
  id: "name-limit-29-bytes",
  title: "Group names of exactly 30 bytes are refused",
  breaks: ["name-30-bytes", "valid-request-accepted"],
  behaviour: { maxNameBytes: 29 },
} satisfies Fault;
