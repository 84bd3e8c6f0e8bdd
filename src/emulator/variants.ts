import type { Variant } from "./faults/fault.js";
import { HOLDOUT_BENIGN } from "./faults/holdout/benign/index.js";

/**
 * Other answers where the docs leave the behaviour open (docs/sources/tencent-im-rest.md §7). A run
 * against any of these must pass: they are different services, not broken ones.
 */
export const VARIANTS: readonly Variant[] = [
  {
    id: "lenient-names",
    title: "Existing and repeated names, and an empty GroupName list, are accepted as no-ops",
    behaviour: { existingName: "ignore", duplicateInRequest: "dedupe", emptyGroupList: "accept" },
  },
  {
    id: "live-2020",
    title: 'As a 2020 live test saw it: 30001 for a non-friend, ErrorInfo "0", app-wide sequences and more',
    behaviour: {
      notFriendCode: 30001,
      successErrorInfo: "0",
      malformedJsonCode: 30001,
      tooManyNamesCode: 30011,
      extraFields: true,
      resultOrder: "reverse",
      seqScope: "app",
      toAccountNull: "reject",
      responseContentType: false,
    },
  },
  {
    id: "strict-names",
    title:
      "Names with whitespace at an edge are refused, names equal under NFKC are one name, and an account twice in To_Account is refused",
    behaviour: { nameEdges: "reject", nameCompare: "normalised", duplicateToAccount: "reject" },
  },
  {
    id: "gateway",
    title:
      "Behind a gateway: every answer gzip-encoded unasked (RFC 9110 §12.5.3), JSON indented, and a group_add that overlaps another for the same user refused with 30008",
    behaviour: { responseEncoding: "gzip", compressAbove: 0, jsonLayout: "pretty", writeConflictWindowMs: 3 },
  },
  {
    id: "strict-random",
    title: "random above 4294967295 is refused (60002), and CurrentSequence moves by 5 per change",
    behaviour: { randomOutOfRange: "reject", seqStep: 5 },
  },
];

/** A variant by id: these first, then the holdout faults' benign neighbours (kept out of VARIANTS on purpose). */
export function variantById(id: string): Variant | undefined {
  return VARIANTS.find((v) => v.id === id) ?? HOLDOUT_BENIGN.find((v) => v.id === id);
}
