// Ordered index of exchange checks: adding one is adding a file and a line.
import type { ExchangeCheck } from "./check.js";
import { envelopeFieldTypes } from "./envelope-field-types.js";
import { envelopeJson } from "./envelope-json.js";
import { envelopeStatusCode } from "./envelope-status-code.js";
import { errorCodeDocumented } from "./error-code-documented.js";
import { errorDisplayPresent } from "./error-display-present.js";
import { errorInfoOnFailure } from "./error-info-on-failure.js";
import { failAccountMatches } from "./fail-account-matches.js";
import { http200 } from "./http-200.js";
import { openContentEncoding } from "./open-content-encoding.js";
import { openExtraFields } from "./open-extra-fields.js";
import { openResponseContentType } from "./open-response-content-type.js";
import { openResultItemOrder } from "./open-result-item-order.js";
import { openSuccessErrorInfo } from "./open-success-error-info.js";
import { resultInfoEmptyOnSuccess } from "./result-info-empty-on-success.js";
import { resultInfoOnItemFailure } from "./result-info-on-item-failure.js";
import { resultItemPerAccount } from "./result-item-per-account.js";
import { resultItemTypes } from "./result-item-types.js";
import { sequenceNeverDecreases } from "./sequence-never-decreases.js";
import { successSequence } from "./success-sequence.js";

export const CHECKS: readonly ExchangeCheck[] = [
  http200,
  envelopeJson,
  envelopeStatusCode,
  envelopeFieldTypes,
  successSequence,
  resultItemTypes,
  resultItemPerAccount,
  resultInfoEmptyOnSuccess,
  failAccountMatches,
  resultInfoOnItemFailure,
  errorCodeDocumented,
  errorInfoOnFailure,
  errorDisplayPresent,
  sequenceNeverDecreases,
  openSuccessErrorInfo,
  openExtraFields,
  openResultItemOrder,
  openResponseContentType,
  openContentEncoding,
];
