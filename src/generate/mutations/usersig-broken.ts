import fc from "fast-check";
import type { Mutation } from "../mutation.js";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_";

// Broken by construction, whatever the signature: positions are fractions of its length (it
// changes with the clock, and a https://cloud.tencent.com/document/product/269/10107 must generate the same cases at any time), cuts and
// changes stay in the first 90 % (the tail holds padding and unused bits, where a change can
// decode to the same signature), and a changed character is never the one it replaces.
// Re-validation would drop such a case, but a drop that depends on the clock would make the
// same seed generate different cases.
export const usersigBroken = {
  id: "usersig-broken",
  title: "usersig missing, empty, truncated or with one character changed",
  breaks: ["auth-usersig"],
  mutate: (v, env) => {
    const sig = env.adminSig;
    const at = (f: number) => Math.floor(f * sig.length * 0.9);
    const fraction = fc.integer({ min: 0, max: 9999 }).map((n) => n / 10000);
    const changed = fc
      .tuple(fraction, fc.integer({ min: 1, max: B64.length - 1 }))
      .map(([f, shift]): [string, string | null] => {
        const k = at(f);
        const c = B64[(Math.max(0, B64.indexOf(sig[k] ?? "A")) + shift) % B64.length] ?? "A";
        return [`character ${k} changed`, sig.slice(0, k) + c + sig.slice(k + 1)];
      });
    return fc
      .oneof(
        fc.constant<[string, string | null]>(["missing", null]),
        fc.constant<[string, string | null]>(["empty", ""]),
        fraction.map((f): [string, string | null] => [`cut to ${at(f)} characters`, sig.slice(0, at(f))]),
        changed,
      )
      .map(([what, usersig]) => ({
        mutation: "usersig-broken",
        rule: "auth-usersig",
        what: `usersig ${what}`,
        body: v,
        query: { usersig },
      }));
  },
} satisfies Mutation;
