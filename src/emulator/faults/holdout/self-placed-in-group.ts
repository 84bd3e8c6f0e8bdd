import type { HoldoutFault } from "./holdout.js";

// The friendship check short-circuits for the caller itself ("you are always your own
// friend"), so the account lands in its own group.
export const selfPlacedInGroup = {
  id: "self-placed-in-group",
  title:
    "From_Account listed in its own To_Account is taken for a friend: ResultCode 0 and placed in the group",
  class: "accounts",
  promise:
    "Only friends of From_Account are put in the new groups; any other To_Account, From_Account itself included, gets a non-zero ResultCode and is listed in Fail_Account.",
  clause: "To_Account 的处理结果,0表示成功,非0表示失败 (example: 32216 Err_SNS_GroupAdd_ToTinyId_Not_Friend)",
  source: "https://cloud.tencent.com/document/product/269/10107 (response fields and example)",
  neighbour: "not-friend-30001",
  behaviour: { selfIsFriend: true },
} satisfies HoldoutFault;
