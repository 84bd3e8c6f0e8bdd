import { exactInteger } from "../../core/kernel/raw-json.js";
import { type ExchangeCheck, failWith, isOk, pass } from "./check.js";

// seed: CurrentSequence 返回最新的分组 Sequence; group_get's LastSequence (docs/sources/tencent-im-rest.md §2.2) syncs
// incrementally from it, which only works if it never goes back. Compared as written (a BigInt):
// a group Sequence is a 64-bit value, and above 2^53 a parsed number cannot show that it moved.
// Answers to calls sent at once for one user may arrive in any order: each is held to the
// sequence from before they were sent (`batch`), not to one another.
export const sequenceNeverDecreases = {
  id: "sequence-never-decreases",
  commands: ["group_add", "group_get", "group_delete"],
  judge: ({ ex, req, res, memory }) => {
    const user = req?.From_Account;
    if (!isOk(res) || typeof user !== "string") return undefined;
    const seq = exactInteger(ex, "/CurrentSequence", res?.CurrentSequence);
    if (seq === undefined) return undefined;
    const key = `seq:${user}`;
    const last = memory.get(key) as bigint | undefined;
    const floor = (memory.get(`batch:${user}`) as bigint | undefined) ?? last;
    memory.set(key, last === undefined || seq > last ? seq : last);
    if (floor !== undefined && seq < floor)
      return failWith(`CurrentSequence went from ${floor} to ${seq} for ${user}`, {
        instancePath: "/CurrentSequence",
        expected: `at least ${floor}`,
        actual: String(seq),
      });
    return pass;
  },
} satisfies ExchangeCheck;
