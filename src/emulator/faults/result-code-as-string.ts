import type { Fault } from "./fault.js";

export const resultCodeAsString = {
  id: "result-code-as-string",
  title: "ResultItem[].ResultCode is sent as a string",
  breaks: ["result-item-types"],
  rewrite: ({ envelope }) =>
    Array.isArray(envelope.ResultItem)
      ? {
          ...envelope,
          ResultItem: envelope.ResultItem.map((i: Record<string, unknown>) => ({
            ...i,
            ResultCode: String(i.ResultCode),
          })),
        }
      : envelope,
} satisfies Fault;
