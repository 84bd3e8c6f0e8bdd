import { bodyOf } from "../core/kernel/exchange.js";
import { groupAdd } from "../judge/oracles/judging.js";
import { groupsOf } from "../judge/probe/calls.js";
import type { Case } from "./case.js";

export const basicAdd = {
  id: "basic-add",
  title: "Adding two groups without friends, as in the group_add page's first example",
  rules: ["group-add-creates-groups", "sequence-moves-on-change", "open-sequence-step"],
  async run({ t, pool }) {
    const u = pool.lease();
    const before = await groupsOf(t, u);
    const ex = await groupAdd(t, u, ["group1", "group2"]);
    if (!t.expectAccepted("group-add-creates-groups", ex, "group_add of two new names")) return;
    const after = await groupsOf(t, u);
    const missing = ["group1", "group2"].filter((n) => !after.names.includes(n));
    t.expect(
      "group-add-creates-groups",
      missing.length === 0,
      missing.length ? `group_get lacks ${missing.join(", ")}` : "group_get lists both groups",
      undefined,
      () => ({
        instancePath: "/ResultItem (group_get)",
        expected: `includes ${missing.join(", ")}`,
        actual: "absent",
      }),
    );
    const seq = bodyOf(ex)?.CurrentSequence;
    if (typeof before.seq === "number" && typeof seq === "number") {
      t.expect(
        "sequence-moves-on-change",
        seq > before.seq,
        `CurrentSequence ${before.seq} before, ${seq} after adding groups`,
        ex,
        () => ({
          instancePath: "/CurrentSequence",
          expected: `more than ${before.seq}`,
          actual: String(seq),
        }),
      );
      t.observe("open-sequence-step", seq > before.seq ? `+${seq - before.seq} per change` : "no move", ex);
    }
  },
} satisfies Case;
