import type { Fault } from "./fault.js";

export const undocumentedCodes = {
  id: "undocumented-codes",
  title: "Request errors use a code found in no table (39999)",
  breaks: ["error-code-documented"],
  rewrite: ({ envelope }) => (envelope.ErrorCode === 30001 ? { ...envelope, ErrorCode: 39999 } : envelope),
} satisfies Fault;
