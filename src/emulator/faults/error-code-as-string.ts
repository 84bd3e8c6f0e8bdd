import type { Fault } from "./fault.js";

export const errorCodeAsString = {
  id: "error-code-as-string",
  title: "ErrorCode is sent as a string",
  breaks: ["envelope-field-types", "envelope-status-code"],
  rewrite: ({ envelope }) => ({ ...envelope, ErrorCode: String(envelope.ErrorCode) as unknown as number }),
} satisfies Fault;
