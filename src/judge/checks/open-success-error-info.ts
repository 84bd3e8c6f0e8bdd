import { type ExchangeCheck, GROUP_ADD, isOk } from "./check.js";

// seed example: ErrorInfo ""; group_delete's doc example: "0" (reference §2.1). Open.
export const openSuccessErrorInfo = {
  id: "open-success-error-info",
  commands: GROUP_ADD,
  observe: ({ res }) => (isOk(res) ? `ErrorInfo ${JSON.stringify(res?.ErrorInfo)}` : undefined),
} satisfies ExchangeCheck;
