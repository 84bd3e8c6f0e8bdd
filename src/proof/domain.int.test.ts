import { describe, expect, it } from "vitest";
import { CASES } from "../cases/index.js";
import { CLASSES } from "../core/contract/domain.js";
import { runTally } from "./support/harness.js";

// Issue 20: the documented input domain covered on purpose. The default run sends every class of
// specs/input-domain.json, and each case sends the classes it says it is built for.
describe("coverage of the documented input domain", () => {
  it("is every class in a default run; each class of a call that changes state is judged by a rule", async () => {
    const t = await runTally({});
    const never = CLASSES.filter((c) => !t.coverage.has(c.id)).map((c) => c.id);
    expect(never).toEqual([]);
    // account_check and multiaccount_import change no group: their answers are checked against
    // schemas/ (a wrong one is a suite error), not judged by a rule.
    const judged = CLASSES.filter(
      (c) => !["account-check-batch", "multiaccount-import-batch"].includes(c.id),
    );
    const unjudged = judged.filter((c) => (t.coverage.get(c.id)?.rules.size ?? 0) === 0).map((c) => c.id);
    expect(unjudged).toEqual([]);
  });

  it.each(CASES.filter((c) => c.covers?.length).map((c) => [c.id, c.covers ?? []] as const))(
    "case %s sends the classes it is built for",
    async (id, covers) => {
      const t = await runTally({ cases: [id] });
      expect(covers.filter((c) => !t.coverage.has(c))).toEqual([]);
    },
  );
});
