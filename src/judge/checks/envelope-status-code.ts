import { type ExchangeCheck, failWith, GROUP_ADD, pass } from "./check.js";

// seed: ActionStatus OK 表示处理成功,FAIL 表示失败; ErrorCode 0表示成功,非0表示失败
export const envelopeStatusCode = {
  id: "envelope-status-code",
  commands: GROUP_ADD,
  judge: ({ res }) => {
    if (!res || !("ActionStatus" in res) || !("ErrorCode" in res)) return undefined;
    const { ActionStatus: s, ErrorCode: c } = res;
    if (s !== "OK" && s !== "FAIL")
      return failWith(`ActionStatus ${JSON.stringify(s)} is neither OK nor FAIL`, {
        instancePath: "/ActionStatus",
        expected: "OK or FAIL",
        actual: JSON.stringify(s),
      });
    if ((s === "OK") !== (c === 0))
      return failWith(`ActionStatus ${s} with ErrorCode ${JSON.stringify(c)}`, {
        instancePath: "/ErrorCode",
        expected: s === "OK" ? "0 with OK" : "non-zero with FAIL",
        actual: JSON.stringify(c),
      });
    return pass;
  },
} satisfies ExchangeCheck;
