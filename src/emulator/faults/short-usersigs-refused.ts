import type { Fault } from "./fault.js";

// Found only by the edge inputs of specs/conditions.json (issue 11): no gross breakage shows it.
export const shortUsersigsRefused = {
  id: "short-usersigs-refused",
  title: "UserSigs that live less than a day are refused (the docs only recommend 24 h)",
  breaks: ["valid-request-accepted"],
  behaviour: { minSigLifetimeSeconds: 86400 },
} satisfies Fault;
