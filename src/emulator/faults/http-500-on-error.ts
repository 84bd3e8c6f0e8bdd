import type { Fault } from "./fault.js";

export const http500OnError = {
  id: "http-500-on-error",
  title: "Failure envelopes are sent with HTTP 500 instead of 200",
  breaks: ["http-200"],
  rewrite: ({ envelope }) =>
    envelope.ErrorCode !== 0
      ? { status: 500, headers: { "content-type": "application/json" }, body: JSON.stringify(envelope) }
      : envelope,
} satisfies Fault;
