import { type ExchangeCheck, failWith, GROUP_ADD, isOk, pass } from "./check.js";

// seed: CurrentSequence Integer 返回最新的分组 Sequence (in both success examples)
export const successSequence = {
  id: "success-sequence",
  commands: GROUP_ADD,
  judge: ({ res }) => {
    if (!isOk(res)) return undefined;
    const s = res?.CurrentSequence;
    if (s === undefined)
      return failWith("CurrentSequence is missing", {
        instancePath: "/CurrentSequence",
        expected: "an integer",
        actual: "missing",
      });
    return Number.isInteger(s)
      ? pass
      : failWith(`CurrentSequence is ${JSON.stringify(s)}, not an integer`, {
          instancePath: "/CurrentSequence",
          expected: "an integer",
          actual: JSON.stringify(s),
        });
  },
} satisfies ExchangeCheck;
