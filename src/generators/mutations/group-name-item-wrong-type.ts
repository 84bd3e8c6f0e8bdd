import { entryOfWrongType } from "../wrong-type.js";

export default entryOfWrongType("group-name-item-wrong-type", "GroupName", false);
