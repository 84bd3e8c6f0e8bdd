import { groupAdd } from "../judge/oracles/judging.js";
import { outcomeOf } from "../judge/probe/context.js";
import type { Case } from "./case.js";

// docs/sources/real-clients.md: production clients send no Content-Type, reuse one `random`, order the query
// differently and send "To_Account": null; the service answers them, so must a conformant server.
export const realClientTraffic = {
  id: "real-client-traffic",
  title: "Requests shaped like real clients' are answered like any other",
  covers: [
    "random-reused",
    "query-other-order",
    "content-type-absent",
    "content-type-charset",
    "random-above-range",
    "to-null",
  ],
  rules: ["real-client-requests-accepted", "open-to-account-null", "open-random-out-of-range"],
  async run({ t, pool }) {
    const u = pool.lease();
    const fixedRandom = "99999999";
    const tries: Array<[string, Parameters<typeof groupAdd>[4]]> = [
      ["no Content-Type header", { headers: {} }],
      [
        "the Java SDK's query order",
        { queryOrder: ["random", "usersig", "sdkappid", "identifier", "contenttype"] },
      ],
      ["a fixed random (first use)", { query: { random: fixedRandom } }],
      ["the same random again", { query: { random: fixedRandom } }],
      ["Content-Type with charset", { headers: { "content-type": "application/json; charset=utf-8" } }],
    ];
    let k = 0;
    for (const [what, o] of tries) {
      const ex = await groupAdd(t, u, [`rc${++k}`], undefined, o);
      t.expectAccepted("real-client-requests-accepted", ex, what);
    }
    const nul = await t.call("group_add", { From_Account: u, GroupName: ["rc_null"], To_Account: null });
    t.observe("open-to-account-null", `"To_Account": null ${outcomeOf(nul)}`, nul);
    const big = await groupAdd(t, u, ["rc_big_random"], undefined, {
      query: { random: `${Date.UTC(2026, 0, 1)}12345678` },
    });
    t.observe("open-random-out-of-range", `random above 2^32-1: ${outcomeOf(big)}`, big);
  },
} satisfies Case;
