import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameClasses } from "../core/contract/classify-names.js";
import { DOMAIN } from "../core/contract/domain.js";
import { NAME_CLASSES, nameOfClass } from "./name-classes.js";

const field = DOMAIN.find((f) => f.id === "group_add/GroupName/*");

describe("the name classes of specs/input-domain.json", () => {
  it("have an arbitrary for every class but the wrong type (a refusals table sends those)", () => {
    const ids = (field?.classes ?? []).map((c) => c.id).filter((id) => id !== "name-wrong-type");
    expect(Object.keys(NAME_CLASSES).sort()).toEqual(ids.sort());
  });

  it.each(Object.keys(NAME_CLASSES))("%s: every name drawn is recognised as that class", (id) => {
    const arb = NAME_CLASSES[id] as fc.Arbitrary<string>;
    for (const name of fc.sample(arb, { seed: 42, numRuns: 60 }))
      expect([name, nameClasses(name)]).toEqual([name, expect.arrayContaining([id])]);
  });

  it("gives a fixed case the same name for the same seed", () => {
    expect(nameOfClass("name-30-end-4", 7)).toBe(nameOfClass("name-30-end-4", 7));
  });
});
