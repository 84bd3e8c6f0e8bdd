import type { Fault } from "./fault.js";

export const adminNotChecked = {
  id: "admin-not-checked",
  title: "Any identifier with a valid UserSig may call, not only the App admin",
  breaks: ["auth-admin-only"],
  behaviour: { checkAdmin: false },
} satisfies Fault;
