import fc from "fast-check";
import { describe, expect, it } from "vitest";
/**
 * What the generators make for a fixed seed, pinned as a snapshot: a https://cloud.tencent.com/document/product/269/10107 must replay the same
 * cases on any machine (README), so any change to generation shows here. Mutation testing
 * (npm run mutation) measures the generators against it.
 */
import { env, normal, relations } from "../proof/support/generation-env.js";
import { toAccounts } from "./accounts.js";
import { MUTATIONS } from "./mutations/index.js";
import { groupName } from "./name.js";
import { groupNames } from "./names.js";
import { validPayload } from "./payload.js";
import { stillInvalid } from "./still-invalid.js";

const shorten = (v: unknown): unknown =>
  JSON.parse(
    JSON.stringify(v ?? null, (_k, x) =>
      typeof x === "string" && x.length > 60
        ? `${x.slice(0, 20)}…(${x.length})`
        : Array.isArray(x) && x.length > 12
          ? [...x.slice(0, 6), `…(${x.length})`]
          : x,
    ),
  );

describe("generation, pinned at a seed", () => {
  it("makes the same names, name lists, To_Account lists and payloads", () => {
    expect(
      shorten({
        names: fc.sample(groupName(), { numRuns: 60, seed: 9 }),
        lists: fc.sample(groupNames({ maxLength: 6 }), { numRuns: 6, seed: 9 }),
        to: fc.sample(toAccounts(relations, 1000), { numRuns: 12, seed: 9 }),
        payloads: fc.sample(validPayload({ from: "p_u01", relations }), { numRuns: 8, seed: 9 }),
      }),
    ).toMatchSnapshot();
  });

  it.each(MUTATIONS.map((m) => [m.id, m] as const))(
    "mutation %s makes the same cases, and says which stay invalid",
    (_id, m) => {
      const cases = fc.sample(
        validPayload({ from: "p_u01", relations, maxFriends: 20 }).chain((v) => m.mutate(v, env)),
        { numRuns: 10, seed: 9 },
      );
      expect(shorten(cases.map((c) => ({ ...c, stillInvalid: stillInvalid(c, normal) })))).toMatchSnapshot();
    },
  );
});
