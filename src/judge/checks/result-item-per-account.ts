import {
  type ExchangeCheck,
  failWith,
  GROUP_ADD,
  isOk,
  pass,
  requestedAccounts,
  resultItems,
} from "./check.js";

// seed: ResultItem 好友加入新增分组的结果对象数组 — one result per To_Account; order is open.
export const resultItemPerAccount = {
  id: "result-item-per-account",
  commands: GROUP_ADD,
  judge: ({ req, res }) => {
    const asked = requestedAccounts(req);
    if (!isOk(res) || !asked || asked.length === 0 || new Set(asked).size !== asked.length) return undefined;
    const items = resultItems(res);
    if (!items)
      return failWith(`ResultItem missing for ${asked.length} To_Account entries`, {
        instancePath: "/ResultItem",
        expected: `${asked.length} items`,
        actual: "missing",
      });
    const got = items.map((i) => i.To_Account);
    const [gotSet, askedSet] = [new Set(got), new Set(asked)];
    const missing = asked.filter((a) => !gotSet.has(a));
    const extra = got.filter((g) => typeof g !== "string" || !askedSet.has(g));
    if (missing.length || extra.length || got.length !== asked.length) {
      return failWith(
        `asked ${asked.length}, got ${got.length}; missing ${JSON.stringify(missing.slice(0, 5))}, unexpected ${JSON.stringify(extra.slice(0, 5))}`,
        {
          instancePath: "/ResultItem",
          expected: `one item for each of ${asked.length} accounts`,
          actual: `${got.length} items${missing.length ? `, none for ${JSON.stringify(missing.slice(0, 5))}` : ""}`,
        },
      );
    }
    return pass;
  },
} satisfies ExchangeCheck;
