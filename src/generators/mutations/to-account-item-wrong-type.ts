import { entryOfWrongType } from "../wrong-type.js";

// Inserted rather than replaced: To_Account may be absent or empty in the valid payload.
export default entryOfWrongType("to-account-item-wrong-type", "To_Account", true);
