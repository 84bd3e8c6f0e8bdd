import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidRequest, validate } from "../core/contract/schemas.js";
import { ruleById } from "../core/rules/catalogue.js";
import { budget } from "../proof/support/budget.js";
import { adminSig, env, normal, relations } from "../proof/support/generation-env.js";
import { MUTATIONS } from "./mutations/index.js";
import { groupName, overLimitName } from "./name.js";
import { validPayload } from "./payload.js";
import { stillInvalid } from "./still-invalid.js";

const payload = validPayload({ from: "p_u01", relations });
const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("valid generators", () => {
  it("make only payloads that schemas/group_add.json accepts", () => {
    fc.assert(
      fc.property(payload, (v) => validate("group_add", "request", v).length === 0),
      { numRuns: budget(2000), seed: 1 },
    );
  });

  it("make names of 1 to 30 bytes, and reach exactly 30 bytes often, in every width of character", () => {
    const sample = fc.sample(groupName(), { numRuns: budget(3000), seed: 2 });
    expect(sample.every((n) => bytes(n) >= 1 && bytes(n) <= 30)).toBe(true);
    expect(sample.filter((n) => bytes(n) === 30).length).toBeGreaterThan(sample.length / 3);
    for (const width of [1, 2, 3, 4])
      expect(sample.some((n) => [...n].some((c) => bytes(c) === width))).toBe(true);
  });

  it("make 1 to 32 distinct names, and To_Account lists up to 1000 from friends, non-friends and unknown ids", () => {
    const sample = fc.sample(payload, { numRuns: budget(1000), seed: 3 });
    expect(Math.max(...sample.map((v) => v.GroupName.length))).toBe(32);
    expect(sample.some((v) => v.To_Account === undefined)).toBe(true);
    const to = sample.flatMap((v) => v.To_Account ?? []);
    for (const who of ["p_u02", "p_u04", "p_x"]) expect(to.some((a) => a.startsWith(who))).toBe(true);
    expect(Math.max(...sample.map((v) => v.To_Account?.length ?? 0))).toBeGreaterThan(900);
  });

  it("make over-long names over 30 bytes, byte 30 falling inside characters of every width", () => {
    const sample = fc.sample(overLimitName(), { numRuns: budget(400), seed: 4 });
    expect(sample.every((n) => bytes(n) > 30)).toBe(true);
    for (const w of [2, 3, 4])
      expect(
        sample.some((n) => bytes([...n].slice(0, 40).join("")) > 30 && [...n].some((c) => bytes(c) === w)),
      ).toBe(true);
  });
});

describe("mutations", () => {
  it.each(MUTATIONS.map((m) => [m.id, m] as const))(
    "%s yields requests that are invalid and break only the catalogue rules it declares",
    (_id, m) => {
      const cases = fc.sample(
        payload.chain((v) => m.mutate(v, env)),
        { numRuns: budget(300), seed: 5 },
      );
      const kept = cases.filter((c) => stillInvalid(c, normal));
      expect(kept.length).toBeGreaterThan(cases.length * 0.83);
      for (const rule of m.breaks) expect(ruleById(rule).level).not.toBe("OPEN");
      for (const c of kept) {
        expect(m.breaks).toContain(c.rule);
        expect(c.mutation).toBe(m.id);
        if (!c.query && c.raw === undefined) expect(isValidRequest("group_add", c.body)).toBe(false);
      }
    },
  );

  it("re-validation drops a changed usersig that still decodes to the same document", () => {
    // Base64's last character carries unused bits: some changes leave the bytes as they were.
    const last = adminSig.at(-1) ?? "";
    const twins = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-"
      .split("")
      .map((c) => adminSig.slice(0, -1) + c)
      .filter(
        (s) =>
          s !== adminSig &&
          Buffer.from(s.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "="), "base64").equals(
            Buffer.from(adminSig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "="), "base64"),
          ),
      );
    expect(last).not.toBe("");
    for (const s of twins)
      expect(
        stillInvalid(
          { mutation: "usersig-broken", rule: "auth-usersig", what: "", body: {}, query: { usersig: s } },
          normal,
        ),
      ).toBe(false);
    expect(
      stillInvalid(
        { mutation: "usersig-broken", rule: "auth-usersig", what: "", body: {}, query: { usersig: "abc" } },
        normal,
      ),
    ).toBe(true);
  });

  it("re-validation drops a truncated body that still parses into a valid request", () => {
    const valid = JSON.stringify({ From_Account: "p_u01", GroupName: ["a"] });
    expect(
      stillInvalid(
        { mutation: "truncated-json", rule: "malformed-body-rejected", what: "", raw: `${valid} ` },
        normal,
      ),
    ).toBe(false);
    expect(
      stillInvalid(
        { mutation: "truncated-json", rule: "malformed-body-rejected", what: "", raw: valid.slice(0, -1) },
        normal,
      ),
    ).toBe(true);
  });
});

describe("determinism", () => {
  it("generates the same first cases for a seed on any machine", () => {
    // A digest of the first five payloads at seed 42: names in full, To_Account by size and head.
    const digest = fc.sample(payload, { numRuns: budget(5), seed: 42 }).map((v) => ({
      names: v.GroupName.slice(0, 3),
      count: v.GroupName.length,
      to: v.To_Account ? `${v.To_Account.length}: ${v.To_Account.slice(0, 2).join(" ")}` : "absent",
    }));
    expect(digest).toMatchInlineSnapshot(`
      [
        {
          "count": 2,
          "names": [
            "3Д事uøzzzzzzzzzzzzzzzzz𪚥",
            "M87eoLcçMfA0sq_0",
          ],
          "to": "6: p_x6817 p_u03",
        },
        {
          "count": 4,
          "names": [
            "B",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzz学",
            "reüd",
          ],
          "to": "4: p_u02 p_x6396",
        },
        {
          "count": 3,
          "names": [
            "Xp52b8𤭢leng",
            "人2zzzzzzzzzzzzzzzzzzzzzzzzæ",
            "key",
          ],
          "to": "0: ",
        },
        {
          "count": 28,
          "names": [
            "O🚀友i学𠮷åG𠮷πzz友",
            "🌟zzzzzzzzzzzzzzzzzzzzzz𠮷",
            "S",
          ],
          "to": "5: p_u04 p_x0964",
        },
        {
          "count": 11,
          "names": [
            "26b7🌟kCEaGf0x",
            "ßlΩ8p𠮷Xb组zzzzzzzzzzz人",
            "t3Y5j🍀OfM3",
          ],
          "to": "7: p_u04 p_u02",
        },
      ]
    `);
  });
});
