// Ordered index of mutations: adding one is adding a file and a line.
import type { Mutation } from "../mutation.js";
import { dropFromAccount } from "./drop-from-account.js";
import { dropGroupName } from "./drop-group-name.js";
import { emptyBody } from "./empty-body.js";
import { emptyName } from "./empty-name.js";
import { friends1001 } from "./friends-1001.js";
import { fromAccountEmpty } from "./from-account-empty.js";
import { fromAccountWrongType } from "./from-account-wrong-type.js";
import { groupNameItemWrongType } from "./group-name-item-wrong-type.js";
import { groupNameWrongType } from "./group-name-wrong-type.js";
import { identifierNotAdmin } from "./identifier-not-admin.js";
import { nameOver30Bytes } from "./name-over-30-bytes.js";
import { names33 } from "./names-33.js";
import { sdkappidBroken } from "./sdkappid-broken.js";
import { toAccountItemWrongType } from "./to-account-item-wrong-type.js";
import { toAccountWrongType } from "./to-account-wrong-type.js";
import { truncatedJson } from "./truncated-json.js";
import { usersigBroken } from "./usersig-broken.js";

export const MUTATIONS: readonly Mutation[] = [
  dropFromAccount,
  dropGroupName,
  emptyBody,
  emptyName,
  friends1001,
  fromAccountEmpty,
  fromAccountWrongType,
  groupNameItemWrongType,
  groupNameWrongType,
  identifierNotAdmin,
  nameOver30Bytes,
  names33,
  sdkappidBroken,
  toAccountItemWrongType,
  toAccountWrongType,
  truncatedJson,
  usersigBroken,
];
