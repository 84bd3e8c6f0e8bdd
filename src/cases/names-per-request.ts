import { groupsOf } from "../accounts/pool.js";
import { groupAdd, names } from "../oracles/judging.js";
import type { Case } from "../probe/case.js";
import { outcomeOf } from "../probe/context.js";

// seed: 单次请求的分组数不得超过32. Which code the 33rd name gets is open (30001 or 30011).
export const namesPerRequest = {
  id: "names-per-request",
  title: "32 names in one request are accepted, 33 are refused",
  rules: ["names-per-request-32", "open-too-many-names-code"],
  async run({ t, pool }) {
    const [a, b] = [pool.lease(), pool.lease()];
    const ok = await groupAdd(t, a, names("n", 32));
    if (t.expectAccepted("names-per-request-32", ok, "32 names in one request")) {
      const view = await groupsOf(t, a);
      t.expect(
        "names-per-request-32",
        view.names.length === 32,
        `group_get shows ${view.names.length} of 32 groups`,
        undefined,
        {
          instancePath: "/ResultItem (group_get)",
          expected: "32 groups",
          actual: `${view.names.length} groups`,
        },
      );
    }
    const over = await groupAdd(t, b, names("n", 33));
    t.expectRefused("names-per-request-32", over, "33 names in one request");
    t.observe("open-too-many-names-code", outcomeOf(over), over);
  },
} satisfies Case;
