import type { Fault } from "./fault.js";

export const requiredNotChecked = {
  id: "required-not-checked",
  title: "Missing From_Account or GroupName is not detected",
  breaks: ["required-fields", "field-types", "unknown-from-account"],
  behaviour: { requireFields: false, checkTypes: false, checkFromExists: false },
} satisfies Fault;
