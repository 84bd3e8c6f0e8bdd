import type { Fault } from "./fault.js";

// seed, the complete example: failed items say why (Err_SNS_GroupAdd_ToTinyId_Not_Friend).
export const itemFailureSilent = {
  id: "item-failure-silent",
  title: "A failed ResultItem has an empty ResultInfo",
  breaks: ["result-info-on-item-failure"],
  rewrite: ({ envelope }) =>
    Array.isArray(envelope.ResultItem)
      ? {
          ...envelope,
          ResultItem: envelope.ResultItem.map((i: Record<string, unknown>) =>
            i.ResultCode === 0 ? i : { ...i, ResultInfo: "" },
          ),
        }
      : envelope,
} satisfies Fault;
