import type { Fault } from "./fault.js";

export const expiryNotChecked = {
  id: "expiry-not-checked",
  title: "Expired UserSigs are accepted",
  breaks: ["auth-usersig"],
  behaviour: { checkExpiry: false },
} satisfies Fault;
