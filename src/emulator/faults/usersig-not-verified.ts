import type { Fault } from "./fault.js";

export const usersigNotVerified = {
  id: "usersig-not-verified",
  title: "The usersig is never verified",
  breaks: ["auth-usersig", "auth-sdkappid"],
  behaviour: { checkSignature: false },
} satisfies Fault;
