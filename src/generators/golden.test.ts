import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mintUserSig } from "../usersig/sign.js";
import { toAccounts } from "./accounts.js";
import type { MutationEnv } from "./mutation.js";
import { MUTATIONS } from "./mutations/index.js";
import { groupName } from "./name.js";
import { groupNames } from "./names.js";
import { validPayload } from "./payload.js";
import { stillInvalid } from "./still-invalid.js";

/**
 * What the generators make for a fixed seed, pinned as a snapshot: a seed must replay the same
 * cases on any machine (README), so any change to generation shows here. Mutation testing
 * (npm run mutation) measures the generators against it.
 */
const NOW = 1_700_000_000;
const sig = (o: { identifier: string; sdkappid?: number; key?: string; expire?: number; time?: number }) =>
  mintUserSig({
    sdkappid: o.sdkappid ?? 1400000000,
    identifier: o.identifier,
    secretKey: o.key ?? "k",
    expire: o.expire ?? 3600,
    now: o.time ?? NOW,
  });
const relations = { friends: ["p_u02", "p_u03"], strangers: ["p_u04"], prefix: "p" };
const adminSig = sig({ identifier: "admin" });
const env: MutationEnv = {
  relations,
  adminSig,
  otherUser: "p_u04",
  sig: { sdkappid: 1400000000, admin: "admin", adminSig, now: () => NOW, mint: sig, secret: (s) => s },
};
const normal = {
  sdkappid: "1400000000",
  identifier: "admin",
  usersig: adminSig,
  random: "1",
  contenttype: "json",
};
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
