import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkInput, type InputKind } from "./inputs.js";
import { specsDir } from "./paths.js";

// Issue 16: every JSON file the suite reads is checked by a schema with ajv, the suite's own
// specs/ included (user files are checked when loaded: recordings, scenarios, declared fixtures).
const SPECS: Array<[InputKind, string]> = [
  ["rules", "rules.json"],
  ["limits", "limits.json"],
  ["refusals", "refusals.json"],
  ["input-domain", "input-domain.json"],
  ["error-codes", "error-codes.json"],
];
// biome-ignore lint/suspicious/noExplicitAny: the tests below break a parsed file on purpose, field by field
type Json = any;
const read = (f: string): Json => JSON.parse(readFileSync(join(specsDir, f), "utf8"));

describe("specs/ against schemas/inputs/", () => {
  it.each(SPECS)("%s: specs/%s is valid", (kind, file) => {
    expect(() => checkInput(kind, `specs/${file}`, file, read(file))).not.toThrow();
  });

  it.each([
    [
      "rules",
      "rules.json",
      (d: Json): void => {
        d.rules[3].level = "MAY";
      },
      /\/rules\/3\/level/,
    ],
    [
      "rules",
      "rules.json",
      (d: Json): void => {
        // issue 22: every MUST and SHOULD rule carries a fix hint for the implementer
        const k = d.rules.findIndex((r: Json) => r.level === "MUST");
        delete d.rules[k].fix;
      },
      /\/rules\/0.*fix/,
    ],
    [
      "limits",
      "limits.json",
      (d: Json): void => {
        d.maxGroupsPerUser.value = "32";
      },
      /\/maxGroupsPerUser\/value/,
    ],
    [
      "input-domain",
      "input-domain.json",
      (d: Json): void => {
        d.fields[2].classes[1].expect = "maybe";
      },
      /\/fields\/2\/classes\/1\/expect/,
    ],
    [
      "refusals",
      "refusals.json",
      (d: Json): void => {
        delete d.cases[1].bodies[0].body;
      },
      /\/cases\/1\/bodies\/0/,
    ],
  ] as const)(
    "%s: a broken specs/%s is refused with the JSON pointer of the fault",
    (kind, file, breakIt, at) => {
      const d = read(file);
      breakIt(d);
      expect(() => checkInput(kind, `specs/${file}`, file, d)).toThrow(at);
    },
  );
});
