import type { Fault } from "./fault.js";

export const nameLimitInChars = {
  id: "name-limit-in-chars",
  title: "The name limit counts characters, so 11 CJK characters (33 bytes) pass",
  breaks: ["name-bytes-not-chars"],
  behaviour: { nameLimitUnit: "chars" },
} satisfies Fault;
