import type { Variant } from "../../fault.js";

// Benign: docs/sources/tencent-im-rest.md §1.5 and docs/sources/real-clients.md: the live service answered 30001 in 2020; any non-zero code is a failure.
export const notFriend30001 = {
  id: "not-friend-30001",
  title: "A To_Account that is not a friend fails with ResultCode 30001 instead of 32216",
  behaviour: { notFriendCode: 30001 },
} satisfies Variant;
