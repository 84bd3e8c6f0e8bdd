import type { Fault } from "./fault.js";

export default {
  id: "usersig-not-verified",
  title: "The usersig is never verified",
  breaks: ["auth-usersig", "failed-call-no-change"],
  behaviour: { checkSignature: false },
} satisfies Fault;
