import type { Fault } from "./fault.js";

export const requiresContentType = {
  id: "requires-content-type",
  title: "Requests without a Content-Type header are refused (real clients send none)",
  breaks: ["real-client-requests-accepted"],
  behaviour: { requireContentTypeHeader: true },
} satisfies Fault;
