import type { Fault } from "./fault.js";

export const membersNotStored = {
  id: "members-not-stored",
  title: "Friends are reported added (ResultCode 0) but are not put in the groups",
  breaks: ["group-add-places-friends"],
  behaviour: { storeMembers: false },
} satisfies Fault;
