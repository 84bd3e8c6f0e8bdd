import { fieldOfWrongType } from "../wrong-type.js";

export const groupNameWrongType = fieldOfWrongType("group-name-wrong-type", "GroupName", "array");
