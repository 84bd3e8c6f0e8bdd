import fc from "fast-check";
import { code } from "../core/contract/codes.js";
import { limits } from "../core/contract/limits.js";
import { answerKind, type Exchange, errorCode } from "../core/kernel/exchange.js";
import { groupAdd, names } from "../judge/oracles/judging.js";
import { clearGroups, groupsOf } from "../judge/probe/calls.js";
import type { Case } from "./case.js";
import { seedOfPart } from "./properties/cut.js";

const CAP = limits.maxGroupsPerUser;
/** https://cloud.tencent.com/document/product/269/10107 错误码: 30008 并发写导致写冲突 — a documented answer to writes that collide. */
const WRITE_CONFLICT = code("ERR_SVR_FRIENDSHIP_WRITE_CONFLICT");
const GROUP_LIMIT = code("ERR_SVR_FRIENDSHIP_GROUP_COUNT_LIMIT");

/** One round: the groups the user holds first, then the calls sent at once, each with 1-3 new names. */
const round = fc.record({
  held: fc.integer({ min: CAP - 8, max: CAP - 1 }),
  calls: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 8 }),
});

// Issue 20: parallel group_adds for ONE From_Account. Whatever order the target serialises them
// in, it must never leave more than 32 groups (因分组数最多32), never lose a name it accepted, and
// never refuse a call for which there was room in every order, unless it says 30008 (the group_add page's
// code for a write conflict, which is allowed). Rounds are seeded from the run's seed; the state
// after each is read back and judged by the whole-effect oracle.
export const concurrentWrites = {
  id: "concurrent-writes",
  title:
    "Parallel group_adds for one user near the cap: at most 32 groups, no accepted name lost, 30008 allowed",
  covers: ["calls-parallel-same-user"],
  rules: [
    "group-cap-32",
    "valid-request-accepted",
    "group-add-creates-groups",
    "failed-call-no-change",
    "open-concurrent-writes",
  ],
  async run({ t, pool, gen }) {
    const u = pool.lease();
    const rounds = Math.min(30, Math.max(3, Math.round(gen.runs.stateful / 10)));
    const plan = fc.sample(round, { seed: seedOfPart(gen.seed, 1000), numRuns: rounds });
    let k = 0;
    for (const [r, { held, calls }] of plan.entries()) {
      await clearGroups(t, u);
      const first = await groupAdd(t, u, names(`cw${r}h`, held));
      if (!t.expectAccepted("valid-request-accepted", first, `${held} names to start round ${r}`)) continue;
      await t.readBack(u);
      const sent = calls.map((m) => names(`cw${r}c${++k}x`, m));
      t.batch(u, true);
      let answers: Exchange[];
      try {
        answers = await Promise.all(sent.map((ns) => groupAdd(t, u, ns, undefined, { concurrent: true })));
      } finally {
        t.batch(u, false);
      }
      const accepted = answers.flatMap((ex, i) => (answerKind(ex) === "accepted" ? (sent[i] ?? []) : []));
      const last = answers.at(-1);
      t.expect(
        "group-cap-32",
        held + accepted.length <= CAP,
        `${calls.length} parallel calls on ${held} groups: ${accepted.length} names accepted`,
        last,
        () => ({
          instancePath: "/ActionStatus",
          expected: `at most ${CAP - held} names accepted`,
          actual: `${accepted.length} accepted`,
        }),
      );
      // The whole-effect oracle reads the user back: every accepted name there, no refused one.
      const view = await groupsOf(t, u);
      // A refusal other than a write conflict is wrong when the call fit in every order; judged only
      // when the state holds exactly what was accepted (else the state is what is wrong, and is blamed).
      if (view.names.length === held + accepted.length)
        answers.forEach((ex, i) => {
          const code = errorCode(ex);
          const mine = sent[i]?.length ?? 0;
          if (answerKind(ex) === "refused" && code !== WRITE_CONFLICT && held + accepted.length + mine <= CAP)
            t.expect(
              "valid-request-accepted",
              false,
              `a parallel call of ${mine} names was refused with ${code} though there was room in any order`,
              ex,
              () => ({
                instancePath: "/ErrorCode",
                expected: `accepted, or ${WRITE_CONFLICT} (write conflict)`,
                actual: String(code),
              }),
            );
        });
      const codes = answers.map((ex) => (answerKind(ex) === "accepted" ? "OK" : String(errorCode(ex))));
      t.observe(
        "open-concurrent-writes",
        codes.includes(String(WRITE_CONFLICT))
          ? `some parallel calls refused with ${WRITE_CONFLICT} (write conflict)`
          : `each parallel call accepted, or refused for the cap${codes.some((c) => c !== "OK" && c !== String(GROUP_LIMIT)) ? " or otherwise" : ""}`,
        last,
      );
    }
  },
} satisfies Case;
