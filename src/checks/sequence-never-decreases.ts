import { type ExchangeCheck, failWith, isOk, pass } from "./check.js";

// seed: CurrentSequence 返回最新的分组 Sequence; group_get's LastSequence (reference §2.2) syncs
// incrementally from it, which only works if it never goes back.
export const sequenceNeverDecreases = {
  id: "sequence-never-decreases",
  commands: ["group_add", "group_get", "group_delete"],
  judge: ({ req, res, memory }) => {
    const user = req?.From_Account;
    const seq = res?.CurrentSequence;
    if (!isOk(res) || typeof user !== "string" || !Number.isInteger(seq)) return undefined;
    const key = `seq:${user}`;
    const last = memory.get(key) as number | undefined;
    memory.set(key, Math.max(last ?? 0, seq as number));
    if (last !== undefined && (seq as number) < last)
      return failWith(`CurrentSequence went from ${last} to ${seq} for ${user}`, {
        instancePath: "/CurrentSequence",
        expected: `at least ${last}`,
        actual: String(seq),
      });
    return pass;
  },
} satisfies ExchangeCheck;
