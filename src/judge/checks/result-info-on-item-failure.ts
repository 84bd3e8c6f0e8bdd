import { type ExchangeCheck, failWith, GROUP_ADD, isOk, pass, resultItems } from "./check.js";

// seed: ResultInfo | String | To_Account 的错误描述信息 — the complete example's failed items say why
// (Err_SNS_GroupAdd_ToTinyId_Not_Friend, ERR_SDKAPPID_ILLEGAL). SHOULD, as error-info-on-failure
// is for the envelope: the docs show it, they do not require it in so many words.
export const resultInfoOnItemFailure = {
  id: "result-info-on-item-failure",
  commands: GROUP_ADD,
  judge: ({ res }) => {
    if (!isOk(res)) return undefined;
    const items = resultItems(res) ?? [];
    const failed = items.filter((i) => Number.isInteger(i.ResultCode) && i.ResultCode !== 0);
    if (failed.length === 0) return undefined;
    const k = items.findIndex(
      (i) =>
        Number.isInteger(i.ResultCode) &&
        i.ResultCode !== 0 &&
        !(typeof i.ResultInfo === "string" && i.ResultInfo.trim() !== ""),
    );
    return k < 0
      ? pass
      : failWith(
          `ResultItem ${k} (${String(items[k]?.To_Account)}) failed with ${String(items[k]?.ResultCode)} and no ResultInfo`,
          {
            instancePath: `/ResultItem/${k}/ResultInfo`,
            expected: "a reason",
            actual: JSON.stringify(items[k]?.ResultInfo ?? null),
          },
        );
  },
} satisfies ExchangeCheck;
