import { entryOfWrongType } from "../wrong-type.js";

export const groupNameItemWrongType = entryOfWrongType("group-name-item-wrong-type", "GroupName", false);
