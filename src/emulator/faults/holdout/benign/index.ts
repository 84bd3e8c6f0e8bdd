// Benign neighbours of the holdout faults: variants that look like a fault and keep every
// documented promise. A run against any of them must pass.

import type { Variant } from "../../fault.js";
import { concurrentWriteConflict30008 } from "./concurrent-write-conflict-30008.js";
import { deflateAllBodies } from "./deflate-all-bodies.js";
import { deleteUnknownNameIgnored } from "./delete-unknown-name-ignored.js";
import { existingNameSkipped } from "./existing-name-skipped.js";
import { friendGroupsSorted } from "./friend-groups-sorted.js";
import { groupGetNewestFirst } from "./group-get-newest-first.js";
import { gzipLargeBodies } from "./gzip-large-bodies.js";
import { jsonEscapeNonAscii } from "./json-escape-non-ascii.js";
import { jsonHtmlSafeEscapes } from "./json-html-safe-escapes.js";
import { jsonNumberSpacing } from "./json-number-spacing.js";
import { jsonPretty } from "./json-pretty.js";
import { notFriend30001 } from "./not-friend-30001.js";
import { randomOutOfRangeRefused } from "./random-out-of-range-refused.js";
import { resultItemReversed } from "./result-item-reversed.js";
import { sequenceMovesOnFriendChanges } from "./sequence-moves-on-friend-changes.js";
import { sequenceStep7 } from "./sequence-step-7.js";

export const HOLDOUT_BENIGN: readonly Variant[] = [
  jsonHtmlSafeEscapes,
  jsonEscapeNonAscii,
  jsonPretty,
  jsonNumberSpacing,
  existingNameSkipped,
  friendGroupsSorted,
  resultItemReversed,
  notFriend30001,
  deflateAllBodies,
  gzipLargeBodies,
  groupGetNewestFirst,
  sequenceStep7,
  sequenceMovesOnFriendChanges,
  deleteUnknownNameIgnored,
  concurrentWriteConflict30008,
  randomOutOfRangeRefused,
];
