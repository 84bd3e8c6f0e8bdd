import type { Fault } from "./fault.js";

export const emptyErrorInfo = {
  id: "empty-error-info",
  title: "Failures carry an empty ErrorInfo",
  breaks: ["error-info-on-failure"],
  rewrite: ({ envelope }) => (envelope.ErrorCode !== 0 ? { ...envelope, ErrorInfo: "" } : envelope),
} satisfies Fault;
