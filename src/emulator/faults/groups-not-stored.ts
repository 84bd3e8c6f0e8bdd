import type { Fault } from "./fault.js";

export const groupsNotStored = {
  id: "groups-not-stored",
  title: "group_add answers OK but stores no group",
  breaks: ["group-add-creates-groups", "group-add-places-friends", "group-cap-32", "names-per-request-32"],
  behaviour: { storeGroups: false },
} satisfies Fault;
