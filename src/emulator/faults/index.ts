// Ordered index of deliberate faults: adding a fault is adding a file and a line.

import { adminNotChecked } from "./admin-not-checked.js";
import { capIgnoresExisting } from "./cap-ignores-existing.js";
import { capOffByOne } from "./cap-off-by-one.js";
import { capWrongCode } from "./cap-wrong-code.js";
import { crashOnAstralCjk } from "./crash-on-astral-cjk.js";
import { deleteOnlyFirst } from "./delete-only-first.js";
import { emptyErrorInfo } from "./empty-error-info.js";
import { emptyNameAccepted } from "./empty-name-accepted.js";
import { errorCodeAsString } from "./error-code-as-string.js";
import { errorDisplayMissing } from "./error-display-missing.js";
import { expiryGraceHour } from "./expiry-grace-hour.js";
import { expiryNotChecked } from "./expiry-not-checked.js";
import { failAccountAlways } from "./fail-account-always.js";
import { failAccountMissing } from "./fail-account-missing.js";
import { failureSaysOk } from "./failure-says-ok.js";
import type { Fault } from "./fault.js";
import { friendsLimitMissing } from "./friends-limit-missing.js";
import { groupsNotStored } from "./groups-not-stored.js";
import { holdoutFaultById } from "./holdout/index.js";
import { http500OnError } from "./http-500-on-error.js";
import { identifierCaseInsensitive } from "./identifier-case-insensitive.js";
import { itemFailureSilent } from "./item-failure-silent.js";
import { malformedJsonCrash } from "./malformed-json-crash.js";
import { membersLostAfterDelete } from "./members-lost-after-delete.js";
import { membersNotStored } from "./members-not-stored.js";
import { nameLimit29Bytes } from "./name-limit-29-bytes.js";
import { nameLimit31Bytes } from "./name-limit-31-bytes.js";
import { nameLimitInChars } from "./name-limit-in-chars.js";
import { namesLimitMissing } from "./names-limit-missing.js";
import { nonAtomicCap } from "./non-atomic-cap.js";
import { notFriendSucceeds } from "./not-friend-succeeds.js";
import { placingDropsOldest } from "./placing-drops-oldest.js";
import { punctuationRefused } from "./punctuation-refused.js";
import { rejectsReusedRandom } from "./rejects-reused-random.js";
import { requiredNotChecked } from "./required-not-checked.js";
import { requiresContentType } from "./requires-content-type.js";
import { resultCodeAsString } from "./result-code-as-string.js";
import { resultInfoOk } from "./result-info-ok.js";
import { resultItemDropsLast } from "./result-item-drops-last.js";
import { sdkappidNotChecked } from "./sdkappid-not-checked.js";
import { sequenceDecreases } from "./sequence-decreases.js";
import { sequenceMissing } from "./sequence-missing.js";
import { sequenceStatic } from "./sequence-static.js";
import { shortUsersigsRefused } from "./short-usersigs-refused.js";
import { sigSdkappidIgnored } from "./sig-sdkappid-ignored.js";
import { typesNotChecked } from "./types-not-checked.js";
import { undocumentedCodes } from "./undocumented-codes.js";
import { unknownFromAccepted } from "./unknown-from-accepted.js";
import { unknownFromWrongCode } from "./unknown-from-wrong-code.js";
import { unknownToAccountRefused } from "./unknown-to-account-refused.js";
import { usersigNotVerified } from "./usersig-not-verified.js";

export const FAULTS: readonly Fault[] = [
  shortUsersigsRefused,
  sigSdkappidIgnored,
  expiryGraceHour,
  identifierCaseInsensitive,
  adminNotChecked,
  capIgnoresExisting,
  capOffByOne,
  capWrongCode,
  crashOnAstralCjk,
  emptyErrorInfo,
  emptyNameAccepted,
  errorDisplayMissing,
  errorCodeAsString,
  expiryNotChecked,
  failAccountAlways,
  failAccountMissing,
  failureSaysOk,
  friendsLimitMissing,
  groupsNotStored,
  http500OnError,
  malformedJsonCrash,
  membersLostAfterDelete,
  membersNotStored,
  nameLimit29Bytes,
  nameLimit31Bytes,
  nameLimitInChars,
  namesLimitMissing,
  nonAtomicCap,
  notFriendSucceeds,
  rejectsReusedRandom,
  requiredNotChecked,
  requiresContentType,
  resultCodeAsString,
  resultInfoOk,
  resultItemDropsLast,
  sdkappidNotChecked,
  sequenceDecreases,
  sequenceMissing,
  sequenceStatic,
  typesNotChecked,
  undocumentedCodes,
  unknownFromAccepted,
  unknownFromWrongCode,
  unknownToAccountRefused,
  usersigNotVerified,
  itemFailureSilent,
  placingDropsOldest,
  deleteOnlyFirst,
  punctuationRefused,
];

/** A fault by id: the catalogue's first, then the holdout set's (kept out of FAULTS on purpose). */
export function faultById(id: string): Fault | undefined {
  return FAULTS.find((f) => f.id === id) ?? holdoutFaultById(id);
}
