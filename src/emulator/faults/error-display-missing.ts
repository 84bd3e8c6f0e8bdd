import type { Fault } from "./fault.js";

export const errorDisplayMissing = {
  id: "error-display-missing",
  title: "Successful answers leave ErrorDisplay out",
  breaks: ["error-display-present"],
  rewrite: ({ envelope }) => {
    if (envelope.ActionStatus !== "OK") return envelope;
    const { ErrorDisplay: _dropped, ...rest } = envelope;
    return rest as typeof envelope;
  },
} satisfies Fault;
