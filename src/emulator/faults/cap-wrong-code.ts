import type { Fault } from "./fault.js";

export const capWrongCode = {
  id: "cap-wrong-code",
  title: "The group cap answers 30001 instead of the documented 30011",
  breaks: ["documented-code-for-condition"],
  rewrite: ({ envelope }) => (envelope.ErrorCode === 30011 ? { ...envelope, ErrorCode: 30001 } : envelope),
} satisfies Fault;
