import { fieldOfWrongType } from "../wrong-type.js";

// "null where the docs give no null" is one of the kinds drawn here.
export const fromAccountWrongType = fieldOfWrongType("from-account-wrong-type", "From_Account", "string");
