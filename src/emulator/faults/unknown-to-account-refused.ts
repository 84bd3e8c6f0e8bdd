import type { Fault } from "./fault.js";

export const unknownToAccountRefused = {
  id: "unknown-to-account-refused",
  title: "A To_Account that does not exist fails the whole call instead of its item",
  breaks: ["not-friend-fails-item", "valid-request-accepted"],
  behaviour: { refuseUnknownToAccount: true },
} satisfies Fault;
