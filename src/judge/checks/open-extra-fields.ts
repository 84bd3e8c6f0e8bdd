import { type ExchangeCheck, GROUP_ADD } from "./check.js";

const DOCUMENTED = new Set([
  "ActionStatus",
  "ErrorCode",
  "ErrorInfo",
  "ErrorDisplay",
  "CurrentSequence",
  "ResultItem",
  "Fail_Account",
]);

// docs/sources/tencent-im-rest.md §3.2: other products on the gateway add RequestId; nothing says IM does not. Open.
export const openExtraFields = {
  id: "open-extra-fields",
  commands: GROUP_ADD,
  observe: ({ res }) => {
    if (!res) return undefined;
    const extra = Object.keys(res).filter((k) => !DOCUMENTED.has(k));
    return extra.length ? `extra: ${extra.sort().join(", ")}` : "none";
  },
} satisfies ExchangeCheck;
