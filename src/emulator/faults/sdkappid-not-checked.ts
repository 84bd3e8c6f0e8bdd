import type { Fault } from "./fault.js";

export default {
  id: "sdkappid-not-checked",
  title: "Any sdkappid is accepted",
  breaks: ["auth-sdkappid", "failed-call-no-change"],
  behaviour: { checkSdkappid: false },
} satisfies Fault;
