import { type ExchangeCheck, failWith, GROUP_ADD, isOk, pass } from "./check.js";

// https://cloud.tencent.com/document/product/269/10107 response table and both success examples carry ErrorDisplay. SHOULD, never MUST: the live
// service omits it on some failures (docs/sources/real-clients.md), so failures are not judged at all.
export const errorDisplayPresent = {
  id: "error-display-present",
  commands: GROUP_ADD,
  judge: ({ res }) => {
    if (!isOk(res)) return undefined;
    return res && "ErrorDisplay" in res
      ? pass
      : failWith("ErrorDisplay is missing from a successful answer", {
          instancePath: "/ErrorDisplay",
          expected: "present",
          actual: "missing",
        });
  },
} satisfies ExchangeCheck;
