import type { Fault } from "./fault.js";

export const failureSaysOk = {
  id: "failure-says-ok",
  title: "Failures carry ActionStatus OK with a non-zero ErrorCode",
  breaks: ["envelope-status-code"],
  rewrite: ({ envelope }) => (envelope.ErrorCode !== 0 ? { ...envelope, ActionStatus: "OK" } : envelope),
} satisfies Fault;
