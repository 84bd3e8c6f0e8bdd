import type { Fault } from "./fault.js";

// Found only by the edge inputs of specs/conditions.json (issue 11): no gross breakage shows it.
export const expiryGraceHour = {
  id: "expiry-grace-hour",
  title: "UserSigs are taken for an hour past their expiry",
  breaks: ["auth-usersig"],
  behaviour: { expiryGraceSeconds: 3600 },
} satisfies Fault;
