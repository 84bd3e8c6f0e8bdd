import type { Fault } from "./fault.js";

export const friendsLimitMissing = {
  id: "friends-limit-missing",
  title: "More than 1000 To_Account entries are accepted",
  breaks: ["friends-per-request-1000"],
  behaviour: { maxFriendsPerRequest: Number.MAX_SAFE_INTEGER },
} satisfies Fault;
