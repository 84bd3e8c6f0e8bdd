import type { Fault } from "./fault.js";

export const sdkappidNotChecked = {
  id: "sdkappid-not-checked",
  title: "Any sdkappid is accepted",
  breaks: ["auth-sdkappid"],
  behaviour: { checkSdkappid: false },
} satisfies Fault;
