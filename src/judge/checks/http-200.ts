import { EVERY_COMMAND, type ExchangeCheck, failWith, pass } from "./check.js";

// REST-intro: 除非发生网络错误(例如502错误),否则 REST API 的调用结果均为200 — for every REST call.
export const http200 = {
  id: "http-200",
  commands: EVERY_COMMAND,
  judge: ({ ex }) => {
    if (!ex.response) return undefined;
    return ex.response.status === 200
      ? pass
      : failWith(`HTTP ${ex.response.status} instead of 200`, {
          instancePath: "",
          expected: "HTTP 200",
          actual: `HTTP ${ex.response.status}`,
        });
  },
} satisfies ExchangeCheck;
