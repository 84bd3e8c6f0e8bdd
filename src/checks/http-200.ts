import { type ExchangeCheck, failWith, GROUP_ADD, pass } from "./check.js";

// REST-intro: 除非发生网络错误(例如502错误),否则 REST API 的调用结果均为200
export const http200 = {
  id: "http-200",
  commands: GROUP_ADD,
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
