// Ordered index of cases: adding a case is adding a file and a line, or for a table of refused
// bodies an entry in specs/refusals.json and a line.

import { accountDomain } from "./account-domain.js";
import { addWithFriends } from "./add-with-friends.js";
import { auth } from "./auth.js";
import { baseline } from "./baseline.js";
import { basicAdd } from "./basic-add.js";
import type { Case } from "./case.js";
import { concurrentWrites } from "./concurrent-writes.js";
import { emptyName } from "./empty-name.js";
import { existingNames } from "./existing-names.js";
import { friendsPerRequest } from "./friends-per-request.js";
import { groupCap } from "./group-cap.js";
import { largeFriends } from "./large-friends.js";
import { nameBytes } from "./name-bytes.js";
import { nameDomain } from "./name-domain.js";
import { namesPerRequest } from "./names-per-request.js";
import { propertyInvalid } from "./property-invalid.js";
import { propertyValid } from "./property-valid.js";
import { queryEdges } from "./query-edges.js";
import { realClientTraffic } from "./real-client-traffic.js";
import { refusal } from "./refusals.js";
import { stateful } from "./stateful.js";
import { unknownFromAccount } from "./unknown-from-account.js";

export const CASES: readonly Case[] = [
  baseline,
  basicAdd,
  addWithFriends,
  groupCap,
  namesPerRequest,
  nameBytes,
  friendsPerRequest,
  emptyName,
  refusal("required-fields"),
  refusal("field-types"),
  unknownFromAccount,
  refusal("malformed-body"),
  auth,
  realClientTraffic,
  existingNames,
  queryEdges,
  nameDomain,
  accountDomain,
  largeFriends,
  concurrentWrites,
  propertyValid,
  propertyInvalid,
  stateful,
];
