import fc from "fast-check";
import { foldName } from "../core/contract/classify-names.js";
import { groupName, type NameConstraints } from "./name.js";

export interface NamesConstraints extends NameConstraints {
  minLength?: number;
  /** the documented limit per request: 32 (https://cloud.tencent.com/document/product/269/10107) */
  maxLength?: number;
}

/**
 * Distinct names; distinct even folded (case, NFKC, accents), so no server's way of comparing
 * names can see a repeat (look-alike pairs are the name-domain case's, where they are open). One list in five sits near the maximum (32 by default), where limits
 * are enforced; fast-check's default sizes alone would rarely get there.
 */
export function groupNames(c: NamesConstraints = {}): fc.Arbitrary<string[]> {
  const min = c.minLength ?? 1;
  const max = c.maxLength ?? 32;
  const list = (minLength: number) =>
    fc.uniqueArray(groupName(c), { minLength, maxLength: max, selector: foldName });
  return fc.oneof(
    { weight: 4, arbitrary: list(min) },
    { weight: 1, arbitrary: list(Math.max(min, max - 4)) },
  );
}
