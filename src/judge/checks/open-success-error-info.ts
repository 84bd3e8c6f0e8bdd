import { type ExchangeCheck, GROUP_ADD, isOk } from "./check.js";

// https://cloud.tencent.com/document/product/269/10107 example: ErrorInfo ""; group_delete's doc example: "0" (docs/sources/tencent-im-rest.md §2.1). Open.
export const openSuccessErrorInfo = {
  id: "open-success-error-info",
  commands: GROUP_ADD,
  observe: ({ res }) => (isOk(res) ? `ErrorInfo ${JSON.stringify(res?.ErrorInfo)}` : undefined),
} satisfies ExchangeCheck;
