import { literalAt, writtenAsInteger } from "../../core/kernel/raw-json.js";
import { type ExchangeCheck, failWith, GROUP_ADD, isOk, pass } from "./check.js";

// seed: CurrentSequence Integer 返回最新的分组 Sequence (in both success examples)
export const successSequence = {
  id: "success-sequence",
  commands: GROUP_ADD,
  judge: ({ ex, res }) => {
    if (!isOk(res)) return undefined;
    const s = res?.CurrentSequence;
    if (s === undefined)
      return failWith("CurrentSequence is missing", {
        instancePath: "/CurrentSequence",
        expected: "an integer",
        actual: "missing",
      });
    // Judged on the text as well: 3.0 parses to 3, yet Go's and Java's decoders refuse it for an int.
    if (Number.isInteger(s) && !writtenAsInteger(ex, "/CurrentSequence"))
      return failWith(`CurrentSequence is written ${literalAt(ex, "/CurrentSequence")}, not as an integer`, {
        instancePath: "/CurrentSequence",
        expected: "an integer literal",
        actual: String(literalAt(ex, "/CurrentSequence")),
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
