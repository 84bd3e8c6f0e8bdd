import { groupsOf } from "../../accounts/pool.js";
import { judgeMembers } from "../../oracles/judging.js";
import type { Model, Real } from "./model.js";

/**
 * Compares group_get with the model. Only what the model knows for sure is
 * judged: its groups must be there with (at least) its members, no user may
 * hold more than the cap, and the groups just created hold exactly the
 * friends placed in them (members checked both ways).
 */
export async function verifyAgainstModel(
  m: Model,
  r: Real,
  after: string,
  fresh: readonly string[] = [],
): Promise<void> {
  const view = await groupsOf(r.t, r.user);
  for (const n of fresh) judgeMembers(r.t, view, [n], [...(m.members.get(n) ?? [])]);
  r.t.expect(
    "group-cap-32",
    view.names.length <= m.cap,
    `after ${after}: group_get shows ${view.names.length} groups`,
    undefined,
    () => ({
      instancePath: "/ResultItem (group_get)",
      expected: `at most ${m.cap} groups`,
      actual: `${view.names.length} groups`,
    }),
  );
  const lost = m.groups.filter((g) => !view.names.includes(g));
  r.t.expect(
    "group-add-creates-groups",
    lost.length === 0,
    lost.length
      ? `after ${after}: ${JSON.stringify(lost)} missing from group_get`
      : `after ${after}: every group present`,
    undefined,
    () => ({
      instancePath: "/ResultItem (group_get)",
      expected: `includes ${JSON.stringify(lost)}`,
      actual: JSON.stringify(view.names),
    }),
  );
  const missing = m.groups.flatMap((g) =>
    [...(m.members.get(g) ?? [])]
      .filter((f) => !(view.members.get(g) ?? []).includes(f))
      .map((f) => `${f} in "${g}"`),
  );
  r.t.expect(
    "group-add-places-friends",
    missing.length === 0,
    missing.length ? `after ${after}: ${missing.join(", ")} missing` : `after ${after}: every member present`,
    undefined,
    () => ({
      instancePath: "/ResultItem/To_Account (group_get)",
      expected: missing.join(", "),
      actual: "absent",
    }),
  );
  const extra = view.names.filter((g) => !m.groups.includes(g));
  r.t.expect(
    "failed-call-no-change",
    extra.length === 0,
    extra.length
      ? `after ${after}: unexpected groups ${JSON.stringify(extra)}`
      : `after ${after}: no unexpected groups`,
    undefined,
    () => ({
      instancePath: "/ResultItem (group_get)",
      expected: JSON.stringify(m.groups),
      actual: JSON.stringify(view.names),
    }),
  );
}
