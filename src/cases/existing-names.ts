import { succeeded } from "../core/kernel/exchange.js";
import { groupAdd } from "../judge/oracles/judging.js";
import { groupsOf } from "../judge/probe/calls.js";
import { outcomeOf } from "../judge/probe/context.js";
import type { Case } from "./case.js";

// docs/sources/tencent-im-rest.md §7 questions 2 and 3: the docs do not say what an existing or repeated name does,
// nor an empty list. Every answer is accepted and reported.
export const existingNames = {
  id: "existing-names",
  title: "A name that exists, a name repeated in one request, an empty GroupName list",
  covers: ["names-existing", "names-duplicate", "names-empty-list"],
  rules: ["open-existing-name", "open-duplicate-in-request", "open-empty-group-list"],
  async run({ t, pool }) {
    const u = pool.lease();
    // A plain call, not a fixture: a broken answer here is the exchange checks' to judge, and the
    // open question is simply not asked when "dup" could not be made.
    const first = await groupAdd(t, u, ["dup"]);
    if (!succeeded(first)) {
      t.skip("open-existing-name", `the first group_add of "dup" was not accepted (${outcomeOf(first)})`);
      return;
    }
    const again = await groupAdd(t, u, ["dup"]);
    const after = await groupsOf(t, u);
    const copies = after.names.filter((n) => n === "dup").length;
    t.observe("open-existing-name", `${outcomeOf(again)}; group_get then lists "dup" ${copies}×`, again);
    const twice = await groupAdd(t, u, ["twin", "twin"]);
    const view = await groupsOf(t, u);
    t.observe(
      "open-duplicate-in-request",
      `${outcomeOf(twice)}; group_get then lists "twin" ${view.names.filter((n) => n === "twin").length}×`,
      twice,
    );
    const none = await groupAdd(t, u, []);
    t.observe("open-empty-group-list", outcomeOf(none), none);
  },
} satisfies Case;
