import type { Fault } from "./fault.js";

export const unknownFromAccepted = {
  id: "unknown-from-accepted",
  title: "An unknown From_Account is answered with success",
  breaks: ["unknown-from-account"],
  behaviour: { checkFromExists: false },
} satisfies Fault;
