// Ordered index of the holdout faults (written from the docs alone; see holdout.ts), by class:
// names, accounts, sizes, effects, sequence, wire, helpers, concurrency, query.

import type { Fault } from "../fault.js";
import { concurrentCapRace } from "./concurrent-cap-race.js";
import { concurrentLostUpdate } from "./concurrent-lost-update.js";
import { existingNameMembersMoved } from "./existing-name-members-moved.js";
import { existingNameRefusalPartial } from "./existing-name-refusal-partial.js";
import { friendGroupsSplitOnComma } from "./friend-groups-split-on-comma.js";
import { friendNumberWrapsAt256 } from "./friend-number-wraps-at-256.js";
import { fromAccountCaseFolded } from "./from-account-case-folded.js";
import { groupDeleteNonAsciiMissing } from "./group-delete-non-ascii-missing.js";
import { groupGetFirst20 } from "./group-get-first-20.js";
import { groupGetSequenceStale } from "./group-get-sequence-stale.js";
import { asFault, type HoldoutFault } from "./holdout.js";
import { largeBodiesGzipUnlabelled } from "./large-bodies-gzip-unlabelled.js";
import { membersCappedAt500 } from "./members-capped-at-500.js";
import { membersFirstGroupOnly } from "./members-first-group-only.js";
import { nameCaseInsensitiveExisting } from "./name-case-insensitive-existing.js";
import { nameLimitAstralAs3Bytes } from "./name-limit-astral-as-3-bytes.js";
import { nameLimitAstralAs6Bytes } from "./name-limit-astral-as-6-bytes.js";
import { nameMarkupEscaped } from "./name-markup-escaped.js";
import { nameNfcNormalised } from "./name-nfc-normalised.js";
import { nameTrimmed } from "./name-trimmed.js";
import { placementReplacesGroups } from "./placement-replaces-groups.js";
import { randomAboveInt32Refused } from "./random-above-int32-refused.js";
import { randomZeroRefused } from "./random-zero-refused.js";
import { selfPlacedInGroup } from "./self-placed-in-group.js";
import { sequenceIsGroupCount } from "./sequence-is-group-count.js";
import { sequenceResetByFriendDelete } from "./sequence-reset-by-friend-delete.js";
import { sequenceWrittenAsFloat } from "./sequence-written-as-float.js";
import { singleFailAccountUnwrapped } from "./single-fail-account-unwrapped.js";
import { useridDigitsAsNumber } from "./userid-digits-as-number.js";

export const HOLDOUT_FAULTS: readonly HoldoutFault[] = [
  nameMarkupEscaped,
  nameTrimmed,
  nameNfcNormalised,
  nameCaseInsensitiveExisting,
  nameLimitAstralAs3Bytes,
  nameLimitAstralAs6Bytes,
  friendGroupsSplitOnComma,
  fromAccountCaseFolded,
  useridDigitsAsNumber,
  selfPlacedInGroup,
  existingNameMembersMoved,
  membersCappedAt500,
  friendNumberWrapsAt256,
  membersFirstGroupOnly,
  placementReplacesGroups,
  existingNameRefusalPartial,
  sequenceIsGroupCount,
  sequenceResetByFriendDelete,
  sequenceWrittenAsFloat,
  singleFailAccountUnwrapped,
  largeBodiesGzipUnlabelled,
  groupGetFirst20,
  groupGetSequenceStale,
  groupDeleteNonAsciiMissing,
  concurrentLostUpdate,
  concurrentCapRace,
  randomZeroRefused,
  randomAboveInt32Refused,
];

/** A holdout fault as the emulator runs it, by id. */
export function holdoutFaultById(id: string): Fault | undefined {
  const h = HOLDOUT_FAULTS.find((f) => f.id === id);
  return h ? asFault(h) : undefined;
}
