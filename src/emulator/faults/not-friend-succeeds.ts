import type { Fault } from "./fault.js";

export const notFriendSucceeds = {
  id: "not-friend-succeeds",
  title: "A To_Account that is not a friend gets ResultCode 0",
  breaks: ["not-friend-fails-item"],
  behaviour: { checkFriendship: false },
} satisfies Fault;
