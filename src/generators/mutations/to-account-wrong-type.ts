import { fieldOfWrongType } from "../wrong-type.js";

// null is left out on purpose: real clients send "To_Account": null, an open behaviour.
export default fieldOfWrongType("to-account-wrong-type", "To_Account", "array", "null");
