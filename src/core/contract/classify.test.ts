import { describe, expect, it } from "vitest";
import { RULES } from "../rules/catalogue.js";
import { type ClassifyContext, classify } from "./classify.js";
import { CLASSES, expectationOf } from "./domain.js";

const req = (
  body: unknown,
  o: { query?: Array<[string, string]>; headers?: Record<string, string>; raw?: string } = {},
) => ({
  command: "group_add",
  query: o.query ?? [
    ["sdkappid", "1"],
    ["identifier", "admin"],
    ["usersig", "x"],
    ["random", "5"],
    ["contenttype", "json"],
  ],
  headers: o.headers ?? { "content-type": "application/json" },
  body: o.raw ?? JSON.stringify(body),
});

/** A world: u01 holds "Grp", is friends with f01, knows s01 is no friend; 8000000001 is digits only. */
const ctx: ClassifyContext = {
  held: (a) => (a === "u01" ? ["Grp"] : undefined),
  imported: (id) => ["u01", "f01", "s01", "8000000001"].includes(id),
  importedIgnoringCase: (id) => ["u01", "f01", "s01", "8000000001"].find((x) => x === id.toLowerCase()),
  relation: (_f, to) => (to === "f01" ? "friend" : to === "s01" ? "stranger" : undefined),
  randomSeen: (r) => r === "7",
};

describe("the input-domain classes of a request", () => {
  it("names each class once in specs/input-domain.json, each under a rule of the catalogue", () => {
    const ids = CLASSES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rules = new Set(RULES.map((r) => r.id));
    expect(CLASSES.filter((c) => !rules.has(c.rule)).map((c) => c.id)).toEqual([]);
  });

  it("reads the query: documented order, random at its edges, reused, above the range", () => {
    expect(classify(req({}), ctx)).toEqual(
      expect.arrayContaining(["query-documented-order", "random-typical"]),
    );
    const edge = (r: string) => classify(req({}, { query: [["random", r]] }), ctx);
    expect(edge("0")).toContain("random-zero");
    expect(edge("4294967295")).toContain("random-max");
    expect(edge("4294967296")).toContain("random-above-range");
    expect(edge("7")).toContain("random-reused");
    expect(classify(req({}, { headers: {} }), ctx)).toContain("content-type-absent");
  });

  it("tells near-matches of an imported id from unknown ones", () => {
    const from = (f: unknown) => classify(req({ From_Account: f, GroupName: ["g"] }), ctx);
    expect(from("u01")).toContain("from-plain");
    expect(from("8000000001")).toContain("from-digits-only");
    expect(from(" u01 ")).toContain("from-space-variant");
    expect(from("U01")).toContain("from-case-variant");
    expect(from("08000000001")).toContain("from-leading-zero");
    expect(from("nobody")).toContain("from-unknown");
    expect(from(12)).toContain("from-wrong-type");
  });

  it("sees names held, look-alike pairs and duplicates", () => {
    const names = (n: unknown[]) => classify(req({ From_Account: "u01", GroupName: n }), ctx);
    expect(names(["Grp", "new"])).toContain("names-existing-mixed");
    expect(names(["Grp"])).toContain("names-existing");
    expect(names(["grp"])).toContain("names-case-pair");
    expect(names(["cafe", "café"])).toContain("names-accent-pair");
    expect(names(["é", "e\u0301"])).toContain("names-normalisation-pair");
    expect(names(["é", "e\u0301"])).not.toContain("names-accent-pair");
    expect(names(["a", "a"])).toContain("names-duplicate");
    expect(names([])).toContain("names-empty-list");
  });

  it("knows each To_Account entry for what it is to From_Account", () => {
    const to = (t: unknown) => classify(req({ From_Account: "u01", GroupName: ["g"], To_Account: t }), ctx);
    expect(to(["f01", "s01", "u01", "F01", "ghost", "f01"])).toEqual(
      expect.arrayContaining([
        "to-friend",
        "to-stranger",
        "to-self",
        "to-case-variant",
        "to-unknown",
        "to-duplicates",
      ]),
    );
    expect(to(null)).toContain("to-null");
    expect(to([])).toContain("to-empty");
  });

  it("reads bodies that are not JSON objects", () => {
    expect(classify(req(undefined, { raw: "" }))).toContain("body-empty");
    expect(classify(req(undefined, { raw: '{"From_Account":' }))).toContain("body-not-json");
    expect(classify(req(undefined, { raw: "[1]" }))).toContain("body-not-object");
  });

  it("makes the strictest class decide what a request must get", () => {
    expect(expectationOf(["name-ascii", "names-one"]).expect).toBe("valid");
    expect(expectationOf(["name-ascii", "name-punctuation"])).toEqual({
      expect: "valid-should",
      rule: "unusual-inputs-accepted",
    });
    expect(expectationOf(["name-punctuation", "name-space-leading"]).expect).toBe("open");
    expect(expectationOf(["name-space-leading", "name-over-split-3-1"])).toEqual({
      expect: "invalid",
      rule: "name-30-bytes",
    });
  });
});
