import type { Fault } from "./fault.js";

// Found only by the edge inputs of specs/conditions.json (issue 11): no gross breakage shows it.
export const identifierCaseInsensitive = {
  id: "identifier-case-insensitive",
  title: "The identifier is compared without letter case (Administrator passes as administrator)",
  breaks: ["auth-usersig"],
  behaviour: { identifierCaseInsensitive: true },
} satisfies Fault;
