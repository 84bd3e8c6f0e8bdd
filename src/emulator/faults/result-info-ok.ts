import type { Fault } from "./fault.js";

export const resultInfoOk = {
  id: "result-info-ok",
  title: 'Successful items say ResultInfo "OK" instead of the documented empty string',
  breaks: ["result-info-empty-on-success"],
  rewrite: ({ envelope }) =>
    Array.isArray(envelope.ResultItem)
      ? {
          ...envelope,
          ResultItem: envelope.ResultItem.map((i: Record<string, unknown>) =>
            i.ResultCode === 0 ? { ...i, ResultInfo: "OK" } : i,
          ),
        }
      : envelope,
} satisfies Fault;
