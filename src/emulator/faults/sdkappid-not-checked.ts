import type { Fault } from "./fault.js";

export default {
  id: "sdkappid-not-checked",
  title: "Any sdkappid is accepted",
  breaks: ["auth-sdkappid"],
  behaviour: { checkSdkappid: false },
} satisfies Fault;
