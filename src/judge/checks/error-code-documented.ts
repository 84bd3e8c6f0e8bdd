import { isDocumentedCode } from "../../core/contract/codes.js";
import { type ExchangeCheck, failWith, GROUP_ADD, pass } from "./check.js";

// https://cloud.tencent.com/document/product/269/10107 错误码 table + docs/sources/tencent-im-rest.md §3.4 public codes. SHOULD: the live service itself has
// answered codes found in no table (70032, docs/sources/real-clients.md).
export const errorCodeDocumented = {
  id: "error-code-documented",
  commands: GROUP_ADD,
  judge: ({ res }) => {
    const c = res?.ErrorCode;
    if (res?.ActionStatus !== "FAIL" || typeof c !== "number") return undefined;
    return isDocumentedCode(c)
      ? pass
      : failWith(`ErrorCode ${c} is in no documented table`, {
          instancePath: "/ErrorCode",
          expected: "a documented code",
          actual: String(c),
        });
  },
} satisfies ExchangeCheck;
