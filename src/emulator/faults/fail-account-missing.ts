import type { Fault } from "./fault.js";

export const failAccountMissing = {
  id: "fail-account-missing",
  title: "Fail_Account is left out although some items failed",
  breaks: ["fail-account-matches", "not-friend-fails-item"],
  rewrite: ({ envelope }) => {
    const { Fail_Account: _dropped, ...rest } = envelope;
    return rest as typeof envelope;
  },
} satisfies Fault;
