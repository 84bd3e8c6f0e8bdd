import fc from "fast-check";

/** Who the subject user is related to, as the run set it up. */
export interface Relations {
  friends: readonly string[];
  /** imported accounts that are not friends */
  strangers: readonly string[];
  /** the prefix for ids that were never imported */
  prefix: string;
}

export function unknownId(prefix: string): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: 9999 }).map((n) => `${prefix}_x${String(n).padStart(4, "0")}`);
}

/**
 * A To_Account list: mostly short, sometimes up to `max` (1000, the documented
 * limit), drawn from friends, non-friends and accounts that do not exist.
 */
export function toAccounts(r: Relations, max = 1000): fc.Arbitrary<string[]> {
  const one = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...r.friends) },
    { weight: 2, arbitrary: fc.constantFrom(...r.strangers) },
    { weight: 2, arbitrary: unknownId(r.prefix) },
  );
  return fc.oneof(
    { weight: 9, arbitrary: fc.uniqueArray(one, { maxLength: Math.min(8, max) }) },
    {
      weight: 1,
      arbitrary: fc.uniqueArray(unknownId(r.prefix), { minLength: Math.min(900, max), maxLength: max }),
    },
  );
}
