import fc from "fast-check";
import type { Mutation } from "../mutation.js";

export const sdkappidBroken = {
  id: "sdkappid-broken",
  title: "sdkappid missing, empty or another app's",
  breaks: ["auth-sdkappid"],
  mutate: (v, env) =>
    fc
      .oneof(fc.constant(null), fc.constant(""), fc.integer({ min: 1, max: 4294967295 }).map(String))
      .filter((s) => s !== String(env.sig?.sdkappid ?? ""))
      .map((sdkappid) => ({
        mutation: "sdkappid-broken",
        rule: "auth-sdkappid",
        what: `sdkappid ${JSON.stringify(sdkappid)}`,
        body: v,
        query: { sdkappid },
      })),
} satisfies Mutation;
