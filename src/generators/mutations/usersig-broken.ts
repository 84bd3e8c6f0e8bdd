import fc from "fast-check";
import type { Mutation } from "../mutation.js";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_";

export default {
  id: "usersig-broken",
  title: "usersig missing, empty, truncated or with one character changed",
  mutate: (v, env) => {
    const sig = env.adminSig;
    const changed = fc
      .tuple(fc.nat({ max: sig.length - 1 }), fc.constantFrom(...B64))
      .map(([k, c]) => sig.slice(0, k) + c + sig.slice(k + 1));
    return fc
      .oneof(
        fc.constant<[string, string | null]>(["missing", null]),
        fc.constant<[string, string | null]>(["empty", ""]),
        fc
          .nat({ max: sig.length - 1 })
          .map((n): [string, string | null] => [`cut to ${n} characters`, sig.slice(0, n)]),
        changed.map((s): [string, string | null] => ["one character changed", s]),
      )
      .filter(([, s]) => s !== sig)
      .map(([what, usersig]) => ({
        mutation: "usersig-broken",
        rule: "auth-usersig",
        what: `usersig ${what}`,
        body: v,
        query: { usersig },
      }));
  },
} satisfies Mutation;
