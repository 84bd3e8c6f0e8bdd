import { type ExchangeCheck, GROUP_ADD } from "./check.js";

// RFC 9110 §12.5.3: with no Accept-Encoding sent, a server may use any content coding; real clients
// decode gzip and deflate transparently (docs/sources/real-clients.md), and so does the suite. Open.
export const openContentEncoding = {
  id: "open-content-encoding",
  commands: GROUP_ADD,
  observe: ({ ex }) => (ex.response ? (ex.response.headers["content-encoding"] ?? "(none)") : undefined),
} satisfies ExchangeCheck;
