import { judgeMembers } from "../../../judge/oracles/judging.js";
import { groupsOf } from "../../../judge/probe/calls.js";
import type { Model, Real } from "./model.js";

/**
 * Compares group_get with what the model knows that the whole-effect oracle does not: the groups
 * just created hold exactly the friends placed in them, by what the model knows of each account
 * (friend, never a friend, former friend), members checked both ways; and no user holds more than
 * the cap. Everything else the read shows (a group lost, one that appeared, a member moved) the
 * whole-effect oracle judges on this same read, with the blame of the call that caused it.
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
}
