import { entryOfWrongType } from "../wrong-type.js";

// Inserted rather than replaced: To_Account may be absent or empty in the valid payload.
export const toAccountItemWrongType = entryOfWrongType("to-account-item-wrong-type", "To_Account", true);
