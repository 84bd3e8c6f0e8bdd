import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEED_FULL_RESPONSE, SEED_REQUEST } from "../../core/contract/seed-examples.js";
import type { Exchange } from "../../core/kernel/exchange.js";
import { budget } from "../../proof/support/budget.js";
import { CHECKS } from "./index.js";

/** Every position of a group_add answer a broken target may fill with anything (issue 11 point 4). */
const POSITIONS: Array<(v: unknown) => unknown> = [
  (v) => v,
  (v) => ({ ...SEED_FULL_RESPONSE, ActionStatus: v }),
  (v) => ({ ...SEED_FULL_RESPONSE, ErrorCode: v }),
  (v) => ({ ...SEED_FULL_RESPONSE, ErrorInfo: v }),
  (v) => ({ ...SEED_FULL_RESPONSE, ErrorDisplay: v }),
  (v) => ({ ...SEED_FULL_RESPONSE, CurrentSequence: v }),
  (v) => ({ ...SEED_FULL_RESPONSE, ResultItem: v }),
  (v) => ({ ...SEED_FULL_RESPONSE, ResultItem: [v, ...SEED_FULL_RESPONSE.ResultItem.slice(1)] }),
  (v) => ({ ...SEED_FULL_RESPONSE, ResultItem: [{ ...SEED_FULL_RESPONSE.ResultItem[0], To_Account: v }] }),
  (v) => ({ ...SEED_FULL_RESPONSE, ResultItem: [{ ...SEED_FULL_RESPONSE.ResultItem[0], ResultCode: v }] }),
  (v) => ({ ...SEED_FULL_RESPONSE, ResultItem: [{ ...SEED_FULL_RESPONSE.ResultItem[0], ResultInfo: v }] }),
  (v) => ({ ...SEED_FULL_RESPONSE, Fail_Account: v }),
  (v) => ({ ...SEED_FULL_RESPONSE, Fail_Account: [v] }),
  (v) => {
    const { ResultItem: _r, ...rest } = SEED_FULL_RESPONSE;
    return { ...rest, Fail_Account: v };
  },
];

function exchangeWith(body: unknown, command = "group_add"): Exchange {
  const text = JSON.stringify(body) ?? "";
  return {
    seq: 1,
    command,
    request: { method: "POST", url: "http://t/v4/sns/group_add?usersig=[REDACTED]", headers: {}, body: "" },
    response: { status: 200, headers: { "content-type": "application/json" }, body: text },
    json: body,
    ms: 1,
  };
}

describe("every check on any JSON in any position of the answer", () => {
  it("judges or stays silent, never throws (so the suite never reports TIM_ERR_INTERNAL for a broken answer)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POSITIONS.keys()),
        fc.jsonValue(),
        fc.constantFrom<unknown>(SEED_REQUEST, { ...SEED_REQUEST, To_Account: undefined }, undefined),
        fc.constantFrom("group_add", "group_get", "group_delete"),
        (k, value, req, command) => {
          const body = (POSITIONS[k] as (v: unknown) => unknown)(value);
          const ex = exchangeWith(body, command);
          const res =
            typeof body === "object" && body !== null && !Array.isArray(body)
              ? (body as Record<string, unknown>)
              : undefined;
          const memory = new Map<string, unknown>([["seq:id", 5]]);
          for (const c of CHECKS) {
            if (!c.commands.includes(command)) continue;
            const input = { ex, res, req: req as Record<string, unknown> | undefined, memory };
            const j = c.judge?.(input);
            if (j) expect(typeof j.ok).toBe("boolean");
            const o = c.observe?.(input);
            if (o !== undefined) expect(typeof o).toBe("string");
          }
        },
      ),
      { numRuns: budget(3000), seed: 11 },
    );
  });
});
