import { describe, expect, it } from "vitest";
import { accounts, add, idsOf, neighbourOf, ok, run, type Scenario } from "../../../proof/support/holdout.js";

const A = "alice";

/** One scenario per fault of the classes: true when the documented promise is kept. */
const KEPT: Record<string, Scenario> = {
  // https://cloud.tencent.com/document/product/269/10107 CurrentSequence | Integer: an integer literal in the text (3, never 3.0).
  "sequence-written-as-float": async (c) => {
    await accounts(c, [A]);
    const r = await add(c, A, ["g"]);
    return ok(r) && /"CurrentSequence"\s*:\s*-?\d+\s*[,}]/.test(r.text);
  },
  // https://cloud.tencent.com/document/product/269/10107 Fail_Account | Array.
  "single-fail-account-unwrapped": async (c) => {
    await accounts(c, [A, "stranger"]);
    const r = await add(c, A, ["g"], ["stranger"]);
    const fail = r.json?.Fail_Account;
    return Array.isArray(fail) && fail.length === 1 && fail[0] === "stranger";
  },
  // REST-intro: the body (after its declared coding) is the JSON envelope, large ones too.
  "large-bodies-gzip-unlabelled": async (c) => {
    await accounts(c, [A]);
    const ghosts = Array.from({ length: 100 }, (_, i) => `ghost_${i}`);
    const r = await add(c, A, ["g"], ghosts);
    return ok(r) && Array.isArray(r.json?.ResultItem);
  },
  // https://cloud.tencent.com/document/product/269/10107 random: 取值范围0 - 4294967295, both ends included.
  "random-zero-refused": async (c) => {
    await accounts(c, [A]);
    return ok(await add(c, A, ["g"], undefined, { random: "0" }));
  },
  "random-above-int32-refused": async (c) => {
    await accounts(c, [A]);
    return ok(await add(c, A, ["g"], undefined, { random: "4294967295" }));
  },
};

describe("holdout faults: wire and query", () => {
  it("has a scenario for every fault of the classes", () => {
    expect(Object.keys(KEPT).sort()).toEqual(idsOf("wire", "query"));
  });
  describe.each(Object.entries(KEPT))("%s", (id, kept) => {
    it("the reference keeps the promise", async () => expect(await run({}, kept)).toBe(true));
    it("the fault breaks it", async () => expect(await run({ fault: id }, kept)).toBe(false));
    it(`its neighbour ${neighbourOf(id)} keeps it`, async () =>
      expect(await run({ variant: neighbourOf(id) }, kept)).toBe(true));
  });
});
