import { fieldOfWrongType } from "../wrong-type.js";

// null is left out on purpose: real clients send "To_Account": null, an open behaviour.
export const toAccountWrongType = fieldOfWrongType("to-account-wrong-type", "To_Account", "array", "null");
