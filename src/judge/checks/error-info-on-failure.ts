import { type ExchangeCheck, failWith, GROUP_ADD, pass } from "./check.js";

// REST-intro: 如果为 FAIL,ErrorInfo 带上失败原因. SHOULD: live answers with "" were seen (docs/sources/real-clients.md).
export const errorInfoOnFailure = {
  id: "error-info-on-failure",
  commands: GROUP_ADD,
  judge: ({ res }) => {
    if (res?.ActionStatus !== "FAIL") return undefined;
    return typeof res.ErrorInfo === "string" && res.ErrorInfo.trim() !== ""
      ? pass
      : failWith("ErrorInfo is empty on FAIL", {
          instancePath: "/ErrorInfo",
          expected: "a reason",
          actual: JSON.stringify(res.ErrorInfo ?? null),
        });
  },
} satisfies ExchangeCheck;
