import type { Fault } from "./fault.js";

export const unknownFromWrongCode = {
  id: "unknown-from-wrong-code",
  title: "An unknown From_Account answers 30001 instead of the documented 30003",
  breaks: ["documented-code-for-condition"],
  rewrite: ({ envelope }) => (envelope.ErrorCode === 30003 ? { ...envelope, ErrorCode: 30001 } : envelope),
} satisfies Fault;
