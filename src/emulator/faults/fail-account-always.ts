import type { Fault } from "./fault.js";

export const failAccountAlways = {
  id: "fail-account-always",
  title: "Fail_Account is sent as [] even when no item failed",
  breaks: ["fail-account-matches"],
  rewrite: ({ envelope }) =>
    envelope.ActionStatus === "OK" && !("Fail_Account" in envelope)
      ? { ...envelope, Fail_Account: [] }
      : envelope,
} satisfies Fault;
