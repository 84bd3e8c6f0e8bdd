import fc from "fast-check";
import { classById, type Expectation } from "../core/contract/domain.js";
import { NAME_CLASSES } from "./name-classes.js";

export interface NameConstraints {
  /** draw from the classes the docs allow outright only (no should or open class): for models that must predict acceptance */
  strict?: boolean;
}

/** How often a class is drawn, by what the docs say a name of it gets (specs/input-domain.json). */
const WEIGHT: Record<Expectation, number> = {
  valid: 6,
  "valid-should": 1,
  open: 1,
  invalid: 0,
  "invalid-should": 0,
};

/**
 * A group name drawn from the documented name domain: one of its classes, then a name of that
 * class (src/generate/name-classes.ts). Names the docs allow outright come most often, the edge
 * of exactly 30 bytes twice as often as the rest (the boundary is where servers get it wrong);
 * names a filter might refuse and names whose fate the docs leave open come now and then, and the
 * judge knows them by their classes.
 */
export function groupName(c: NameConstraints = {}): fc.Arbitrary<string> {
  const picks = Object.entries(NAME_CLASSES).flatMap(([id, arbitrary]) => {
    const { expect } = classById(id);
    const w = c.strict && expect !== "valid" ? 0 : WEIGHT[expect] * (id.startsWith("name-30-end") ? 2 : 1);
    return w > 0 ? [{ weight: w, arbitrary }] : [];
  });
  return fc.oneof(...picks);
}

/** The classes of names over the limit (specs/input-domain.json: expect invalid or invalid-should). */
export const OVER_LIMIT = Object.keys(NAME_CLASSES).filter(
  (id) => id.startsWith("name-over-") || id === "name-chars-within-bytes-over",
);

/** A name over 30 bytes, from one of the over-limit classes: split across byte 30 in every way, or not. */
export function overLimitName(): fc.Arbitrary<string> {
  return fc.oneof(...OVER_LIMIT.map((id) => NAME_CLASSES[id] as fc.Arbitrary<string>));
}
