import { fieldOfWrongType } from "../wrong-type.js";

export default fieldOfWrongType("group-name-wrong-type", "GroupName", "array");
