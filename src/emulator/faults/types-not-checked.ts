import type { Fault } from "./fault.js";

export const typesNotChecked = {
  id: "types-not-checked",
  title: "Fields of the wrong JSON type are coerced instead of refused",
  breaks: ["field-types"],
  behaviour: { checkTypes: false },
} satisfies Fault;
