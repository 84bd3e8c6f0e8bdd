import { type ExchangeCheck, failWith, GROUP_ADD, isOk, pass, resultItems } from "./check.js";

// seed: ResultInfo To_Account 的错误描述信息,成功时该字段为空
export const resultInfoEmptyOnSuccess = {
  id: "result-info-empty-on-success",
  commands: GROUP_ADD,
  judge: ({ res }) => {
    const ok = resultItems(res)?.filter((i) => i.ResultCode === 0);
    if (!isOk(res) || !ok || ok.length === 0) return undefined;
    const bad = ok.filter((i) => i.ResultInfo !== "");
    return bad.length === 0
      ? pass
      : failWith(`ResultInfo ${JSON.stringify(bad[0]?.ResultInfo)} on success (${bad.length} entries)`, {
          instancePath: `/ResultItem/${ok.indexOf(bad[0] as Record<string, unknown>)}/ResultInfo`,
          expected: '""',
          actual: JSON.stringify(bad[0]?.ResultInfo),
        });
  },
} satisfies ExchangeCheck;
