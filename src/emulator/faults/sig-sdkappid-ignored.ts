import type { Fault } from "./fault.js";

// Found only by the edge inputs of specs/conditions.json (issue 11): no gross breakage shows it.
export const sigSdkappidIgnored = {
  id: "sig-sdkappid-ignored",
  title: "The SDKAppID inside the UserSig is not compared with the URL's",
  breaks: ["auth-sdkappid"],
  behaviour: { checkSigSdkappid: false },
} satisfies Fault;
