// The holdout set as a whole: its bookkeeping, the lookups, and each benign neighbour shown doing
// what its title says (a visible difference from the reference). Each fault and its neighbour
// are proven against the fault's documented promise in names, accounts, state, wire and
// concurrency .test.ts, next to this file.

import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type Answer,
  accounts,
  add,
  befriend,
  type Emu,
  friendGroups,
  groupGet,
  ok,
  run,
  seqOf,
} from "../../../proof/support/holdout.js";
import { DEFAULT_BEHAVIOUR } from "../../behaviour.js";
import { jsonText } from "../../json-text.js";
import { VARIANTS, variantById } from "../../variants.js";
import { FAULTS, faultById } from "../index.js";
import { HOLDOUT_BENIGN } from "./benign/index.js";
import { HOLDOUT_FAULTS } from "./index.js";

const CLASSES = [
  "names",
  "accounts",
  "sizes",
  "effects",
  "sequence",
  "wire",
  "helpers",
  "concurrency",
  "query",
];
const SOURCES = [
  "https://cloud.tencent.com/document/product/269/10107",
  "docs/sources/tencent-im-rest.md",
  "docs/sources/real-clients.md",
  "tencent-openapi/",
];
const here = (sub: string) => fileURLToPath(new URL(sub, import.meta.url));
const modules = (sub: string, skip: string[]) =>
  readdirSync(here(`./${sub}`)).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !skip.includes(f),
  );

describe("the holdout set", () => {
  const ids = HOLDOUT_FAULTS.map((f) => f.id);
  const benign = HOLDOUT_BENIGN.map((v) => v.id);

  it("holds 24 to 28 faults across every class, each citing a documented promise", () => {
    expect(ids.length).toBeGreaterThanOrEqual(24);
    expect(new Set(HOLDOUT_FAULTS.map((f) => f.class))).toEqual(new Set(CLASSES));
    for (const f of HOLDOUT_FAULTS) {
      expect([f.id, f.promise.length > 20, f.clause.length > 3]).toEqual([f.id, true, true]);
      expect([f.id, SOURCES.some((s) => f.source.startsWith(s))]).toEqual([f.id, true]);
      expect([f.id, "breaks" in f]).toEqual([f.id, false]);
    }
  });

  it("gives every fault an existing neighbour, and every neighbour a fault", () => {
    for (const f of HOLDOUT_FAULTS) expect([f.id, benign.includes(f.neighbour)]).toEqual([f.id, true]);
    expect(new Set(HOLDOUT_FAULTS.map((f) => f.neighbour))).toEqual(new Set(benign));
  });

  it("uses ids found nowhere else: unique, and unlike every existing fault and variant", () => {
    const all = [...ids, ...benign, ...FAULTS.map((f) => f.id), ...VARIANTS.map((v) => v.id)];
    expect(all.length).toBe(new Set(all).size);
  });

  it("names each file after the id of the one object it exports", async () => {
    const check = async (sub: string, skip: string[]) => {
      const files = modules(sub, skip);
      for (const f of files) {
        const exported = Object.values(await import(`./${sub}${f.replace(/\.ts$/, ".js")}`));
        expect([f, exported.length, (exported[0] as { id?: string }).id]).toEqual([f, 1, f.slice(0, -3)]);
      }
      return files.length;
    };
    expect(await check("", ["holdout.ts", "index.ts", "harness.ts"])).toBe(ids.length);
    expect(await check("benign/", ["index.ts"])).toBe(benign.length);
  });

  it("is found by faultById and variantById, and kept out of FAULTS and VARIANTS", () => {
    for (const id of ids) expect([id, faultById(id)?.id, faultById(id)?.breaks]).toEqual([id, id, []]);
    for (const id of benign) expect([id, variantById(id)?.id]).toEqual([id, id]);
    expect(FAULTS.some((f) => ids.includes(f.id))).toBe(false);
    expect(VARIANTS.some((v) => benign.includes(v.id))).toBe(false);
    expect(faultById(FAULTS[0]?.id ?? "")).toBe(FAULTS[0]);
    expect(variantById(VARIANTS[0]?.id ?? "")).toBe(VARIANTS[0]);
  });
});

describe("the JSON text writer the neighbours use", () => {
  const sample = {
    ResultItem: [{ GroupName: `<b>"x" & 家😀\u2028`, FriendNumber: 3 }],
    Empty: [],
    ErrorInfo: "",
  };
  it("is JSON.stringify itself by default, and the same JSON values in every layout and escape", () => {
    expect(jsonText(sample, DEFAULT_BEHAVIOUR.jsonLayout, DEFAULT_BEHAVIOUR.jsonEscape)).toBe(
      JSON.stringify(sample),
    );
    for (const layout of ["compact", "pretty", "spaced"] as const)
      for (const esc of ["minimal", "html-safe", "ascii"] as const)
        expect(JSON.parse(jsonText(sample, layout, esc))).toEqual(sample);
  });
});

const A = "alice";
const text = async (c: Emu) => (await c.call("group_get", { From_Account: A })).text;
const items = (a: Answer) => (a.json?.ResultItem ?? []) as { To_Account: string; ResultCode: number }[];
/** A sign run after alice, her friend f1 and a stranger exist. */
const on =
  (sign: (c: Emu) => Promise<boolean>) =>
  async (c: Emu): Promise<boolean> => {
    await accounts(c, [A, "f1", "stranger"]);
    await befriend(c, A, ["f1"]);
    return sign(c);
  };

/** What each neighbour visibly does differently from the reference (true when it shows). */
const SHOWS: Record<string, (c: Emu) => Promise<boolean>> = {
  "json-html-safe-escapes": on(async (c) => {
    await add(c, A, ["<&>"]);
    return (await text(c)).includes("\\u003c\\u0026\\u003e");
  }),
  "json-escape-non-ascii": on(async (c) => {
    await add(c, A, ["家😀"]);
    return (await text(c)).includes("\\u5bb6\\ud83d\\ude00");
  }),
  "json-pretty": on(async (c) => (await add(c, A, ["g"])).text.includes('\n  "ActionStatus": "OK"')),
  "json-number-spacing": on(async (c) => (await add(c, A, ["g"])).text.includes('"ErrorCode" : 0 ,')),
  "existing-name-skipped": on(async (c) => {
    await add(c, A, ["x"]);
    return ok(await add(c, A, ["x", "y"]));
  }),
  "friend-groups-sorted": on(async (c) => {
    await add(c, A, ["b"], ["f1"]);
    await add(c, A, ["a"], ["f1"]);
    return JSON.stringify(await friendGroups(c, A, "f1")) === '["a","b"]';
  }),
  "result-item-reversed": on(
    async (c) => items(await add(c, A, ["g"], ["f1", "stranger"]))[0]?.To_Account === "stranger",
  ),
  "not-friend-30001": on(async (c) => items(await add(c, A, ["g"], ["stranger"]))[0]?.ResultCode === 30001),
  "deflate-all-bodies": on(async (c) => (await add(c, A, ["g"])).encoding === "deflate"),
  "gzip-large-bodies": on(async (c) => {
    const small = await add(c, A, ["g"]);
    const large = await add(
      c,
      A,
      ["h"],
      Array.from({ length: 40 }, (_, i) => `ghost${i}`),
    );
    return small.encoding === undefined && large.encoding === "gzip" && ok(large);
  }),
  "group-get-newest-first": on(async (c) => {
    await add(c, A, ["a", "b"]);
    return (await groupGet(c, A)).groups[0]?.GroupName === "b";
  }),
  "sequence-step-7": on(async (c) => seqOf(await add(c, A, ["g"])) === 7),
  "sequence-moves-on-friend-changes": on(async (c) => (await groupGet(c, A)).seq === 1),
  "delete-unknown-name-ignored": on(async (c) =>
    ok(await c.call("group_delete", { From_Account: A, GroupName: ["nope"] })),
  ),
  "concurrent-write-conflict-30008": on(async (c) => {
    const rs = await Promise.all([0, 1, 2].map((i) => add(c, A, [`p${i}`])));
    return rs.some((r) => r.json?.ErrorCode === 30008) && rs.some(ok);
  }),
  "random-out-of-range-refused": on(
    async (c) => !ok(await add(c, A, ["g"], undefined, { random: "4294967296" })),
  ),
};

describe("each benign neighbour differs from the reference as its title says", () => {
  it("has a sign for every neighbour", () => {
    expect(Object.keys(SHOWS).sort()).toEqual(HOLDOUT_BENIGN.map((v) => v.id).sort());
  });
  describe.each(Object.entries(SHOWS))("%s", (id, shows) => {
    it("shows it", async () => expect(await run({ variant: id }, shows)).toBe(true));
    it("the reference does not", async () => expect(await run({}, shows)).toBe(false));
  });
});
