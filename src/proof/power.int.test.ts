import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { SEED_FULL_RESPONSE } from "../core/contract/seed-examples.js";
import type { Fault } from "../emulator/faults/fault.js";
import type { Envelope } from "../emulator/types.js";
import { runTally, statusOf } from "./support/harness.js";
import { closeAll, emulator, proxyTo, serve } from "./support/targets.js";

afterEach(closeAll);

/** Where a broken target may put anything in a group_add answer (issue 11 point 4). */
const POSITIONS: Array<(e: Envelope, v: unknown) => unknown> = [
  (_e, v) => v,
  (e, v) => ({ ...e, ErrorCode: v }),
  (e, v) => ({ ...e, ActionStatus: v }),
  (e, v) => ({ ...e, CurrentSequence: v }),
  (e, v) => ({ ...e, ResultItem: v }),
  (e, v) => ({ ...e, ResultItem: Array.isArray(e.ResultItem) ? [v, ...e.ResultItem.slice(1)] : [v] }),
  (e, v) => ({
    ...e,
    ResultItem: (Array.isArray(e.ResultItem) ? e.ResultItem : SEED_FULL_RESPONSE.ResultItem).map(
      (i: object) => ({ ...i, ResultCode: v }),
    ),
  }),
  (e, v) => ({
    ...e,
    ResultItem: (Array.isArray(e.ResultItem) ? e.ResultItem : SEED_FULL_RESPONSE.ResultItem).map(
      (i: object) => ({ ...i, To_Account: v }),
    ),
  }),
  (e, v) => ({ ...e, Fail_Account: v }),
  (e) => {
    const { CurrentSequence: _s, ResultItem: _r, ...rest } = e;
    return rest;
  },
];

function fuzzing(k: number, value: unknown): Fault {
  return {
    id: "fuzz",
    title: "a group_add answer with anything in one position",
    breaks: [],
    rewrite: ({ envelope }) => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify((POSITIONS[k] as (e: Envelope, v: unknown) => unknown)(envelope, value)) ?? "null",
    }),
  };
}

describe("broken answers are judged, never a suite error (issue 11 point 4)", () => {
  it("runs every case against group_add answers with any JSON in any position: no TIM_ERR_INTERNAL", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...POSITIONS.keys()),
        fc.jsonValue({ maxDepth: 2 }),
        async (k, value) => {
          const emu = await emulator({ faults: [fuzzing(k, value)] });
          const t = await runTally({ baseUrl: emu.url, runs: "2", backoffMs: "1", retryBudgetS: "2" });
          await emu.close();
          expect(t.caseErrors.filter((e) => e.code === "TIM_ERR_INTERNAL")).toEqual([]);
        },
      ),
      { numRuns: 20, seed: 11 },
    );
  });
});

describe("answers, not outages (issue 11 point 3)", () => {
  it("a valid request whose connection is dropped, again on retry, while others are answered, breaks valid-request-accepted (exit 1)", async () => {
    const emu = await emulator();
    // Everything is answered but the baseline's valid group_add, whose connection is cut each time.
    const url = await serve((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        if (body.includes('"baseline"')) return void req.socket.destroy();
        proxyTo(emu.url, (_r, a) => a)(Object.assign(req, { on: fakeOn(body) }), res);
      });
    });
    const t = await runTally({ baseUrl: url, cases: ["basic-add"], backoffMs: "5" });
    expect(t.exitCode()).toBe(1);
    expect(statusOf(t)["valid-request-accepted"]).toBe("fail");
    const evidence = [
      ...(t
        .results()
        .find((r) => r.rule.id === "valid-request-accepted")
        ?.byCase.values() ?? []),
    ].flatMap((c) => c.failures);
    expect(evidence[0]?.message).toMatch(/no answer: the connection was dropped/);
    expect(evidence[0]?.exchange?.request.body).toContain('"baseline"');
  });

  it("a target that drops every connection stays unjudged (exit 3)", async () => {
    const url = await serve((req) => req.socket.destroy());
    const t = await runTally({ baseUrl: url, backoffMs: "5" });
    expect(t.exitCode()).toBe(3);
  });
});

/** Replays an already-read body to a handler that reads the request again. */
function fakeOn(body: string) {
  return function on(this: unknown, event: string, cb: (c?: Buffer) => void) {
    if (event === "data") queueMicrotask(() => cb(Buffer.from(body)));
    if (event === "end") queueMicrotask(() => queueMicrotask(() => cb()));
    return this;
  } as never;
}
