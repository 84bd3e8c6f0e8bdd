import { limits } from "../core/contract/limits.js";
import { groupAdd, names } from "../judge/oracles/judging.js";
import { groupsOf } from "../judge/probe/calls.js";
import { outcomeOf } from "../judge/probe/context.js";
import type { Case } from "./case.js";

/** https://cloud.tencent.com/document/product/269/10107: 单次请求的分组数不得超过32 (specs/limits.json maxNamesPerRequest) */
const MAX = limits.maxNamesPerRequest;

// https://cloud.tencent.com/document/product/269/10107: 单次请求的分组数不得超过32. Which code the 33rd name gets is open (30001 or 30011).
export const namesPerRequest = {
  id: "names-per-request",
  title: "32 names in one request are accepted, 33 are refused",
  covers: ["names-32", "names-33"],
  rules: ["names-per-request-32", "open-too-many-names-code"],
  async run({ t, pool }) {
    const [a, b] = [pool.lease(), pool.lease()];
    const ok = await groupAdd(t, a, names("n", MAX));
    if (t.expectAccepted("names-per-request-32", ok, `${MAX} names in one request`)) {
      const view = await groupsOf(t, a);
      t.expect(
        "names-per-request-32",
        view.names.length === MAX,
        `group_get shows ${view.names.length} of ${MAX} groups`,
        undefined,
        () => ({
          instancePath: "/ResultItem (group_get)",
          expected: `${MAX} groups`,
          actual: `${view.names.length} groups`,
        }),
      );
    }
    const over = await groupAdd(t, b, names("n", MAX + 1));
    t.expectRefused("names-per-request-32", over, `${MAX + 1} names in one request`);
    t.observe("open-too-many-names-code", outcomeOf(over), over);
  },
} satisfies Case;
