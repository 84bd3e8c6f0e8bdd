import { describe, expect, it } from "vitest";
import { mintUserSig } from "../core/usersig/sign.js";
import type { Mutated } from "./mutation.js";
import { stillInvalid } from "./still-invalid.js";

// The last guard before an invalid case is sent: what stays invalid after shrinking, and what does not.
const sig = mintUserSig({
  sdkappid: 1400000000,
  identifier: "admin",
  secretKey: "k",
  expire: 3600,
  now: 1_700_000_000,
});
const normal = {
  sdkappid: "1400000000",
  identifier: "admin",
  usersig: sig,
  random: "1",
  contenttype: "json",
};
const body = { From_Account: "u", GroupName: ["g"] };
const q = (query: Mutated["query"]): Mutated => ({
  mutation: "m",
  rule: "r",
  what: "w",
  body,
  ...(query ? { query } : {}),
});
describe("stillInvalid", () => {
  it.each([
    ["a query parameter left out", q({ sdkappid: null }), true],
    ["another value of a parameter", q({ identifier: "someone" }), true],
    ["the normal value itself", q({ identifier: "admin" }), false],
    ["the normal usersig itself", q({ usersig: sig }), false],
    ["a usersig left out", q({ usersig: null }), true],
    ["a usersig that does not decode", q({ usersig: "garbage" }), true],
    ["one of several parameters still differing", q({ identifier: "admin", sdkappid: "1" }), true],
    ["every parameter back to normal", q({ identifier: "admin", sdkappid: "1400000000" }), false],
    ["a raw body that is not JSON", { mutation: "m", rule: "r", what: "w", raw: "{" }, true],
    [
      "a raw body that is a valid request",
      { mutation: "m", rule: "r", what: "w", raw: JSON.stringify(body) },
      false,
    ],
    [
      "a raw body that parses into an invalid request",
      { mutation: "m", rule: "r", what: "w", raw: '{"From_Account":1}' },
      true,
    ],
    ["a body that became valid", { mutation: "m", rule: "r", what: "w", body }, false],
    ["a body still invalid", { mutation: "m", rule: "r", what: "w", body: { GroupName: ["g"] } }, true],
  ] as Array<[string, Mutated, boolean]>)("%s: %s", (_what, m, want) => {
    expect(stillInvalid(m, normal)).toBe(want);
  });

  it("calls a usersig minted anew (another time) another signature, so the case stays invalid", () => {
    const other = mintUserSig({
      sdkappid: 1400000000,
      identifier: "admin",
      secretKey: "k",
      expire: 3600,
      now: 1_700_000_001,
    });
    expect(stillInvalid(q({ usersig: other }), normal)).toBe(true);
  });
});
