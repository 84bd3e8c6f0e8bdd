import { type ExchangeCheck, failWith, GROUP_ADD, isOk, pass, resultItems } from "./check.js";

// seed: Fail_Account 返回处理失败的用户列表,仅当存在失败用户时才返回该字段
export const failAccountMatches = {
  id: "fail-account-matches",
  commands: GROUP_ADD,
  judge: ({ res }) => {
    if (!isOk(res) || !res) return undefined;
    const items = resultItems(res) ?? [];
    // With a ResultCode that is not an integer, which items failed is unknowable: result-item-types reports it.
    if (items.some((i) => !Number.isInteger(i.ResultCode))) return undefined;
    const failed = items.filter((i) => i.ResultCode !== 0).map((i) => i.To_Account);
    const fa = res.Fail_Account;
    if (failed.length === 0) {
      return fa === undefined
        ? pass
        : failWith(`Fail_Account ${JSON.stringify(fa)} sent although no item failed`, {
            instancePath: "/Fail_Account",
            expected: "absent (no item failed)",
            actual: JSON.stringify(fa),
          });
    }
    if (!Array.isArray(fa))
      return failWith(
        `${failed.length} items failed but Fail_Account is ${fa === undefined ? "missing" : JSON.stringify(fa)}`,
        {
          instancePath: "/Fail_Account",
          expected: JSON.stringify(failed.slice(0, 5)),
          actual: fa === undefined ? "missing" : JSON.stringify(fa),
        },
      );
    const listed = new Set(fa);
    const same = fa.length === failed.length && failed.every((f) => listed.has(f));
    return same
      ? pass
      : failWith(
          `Fail_Account ${JSON.stringify(fa.slice(0, 5))} differs from the failed items ${JSON.stringify(failed.slice(0, 5))}`,
          {
            instancePath: "/Fail_Account",
            expected: JSON.stringify(failed.slice(0, 5)),
            actual: JSON.stringify(fa.slice(0, 5)),
          },
        );
  },
} satisfies ExchangeCheck;
