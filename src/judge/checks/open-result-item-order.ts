import { type ExchangeCheck, GROUP_ADD, isOk, requestedAccounts, resultItems } from "./check.js";

// The docs give no order for ResultItem. Open.
export const openResultItemOrder = {
  id: "open-result-item-order",
  commands: GROUP_ADD,
  observe: ({ req, res }) => {
    const asked = requestedAccounts(req);
    const got = resultItems(res)?.map((i) => i.To_Account);
    if (!isOk(res) || !asked || !got || asked.length < 2 || got.length !== asked.length) return undefined;
    if (got.every((g, k) => g === asked[k])) return "request order";
    if (got.every((g, k) => g === asked[asked.length - 1 - k])) return "reverse order";
    return "other order";
  },
} satisfies ExchangeCheck;
