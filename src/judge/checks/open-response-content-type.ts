import { type ExchangeCheck, GROUP_ADD } from "./check.js";

// docs/sources/tencent-im-rest.md §3.2: the doc's sample response shows no Content-Type. Open.
export const openResponseContentType = {
  id: "open-response-content-type",
  commands: GROUP_ADD,
  observe: ({ ex }) => (ex.response ? (ex.response.headers["content-type"] ?? "(none)") : undefined),
} satisfies ExchangeCheck;
