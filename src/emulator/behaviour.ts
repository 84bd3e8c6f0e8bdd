/**
 * Everything the emulator decides. The defaults are the documented service;
 * faults flip one knob to break one rule, variants pick another answer where
 * the docs leave the behaviour open (reference §7).
 */
export interface Behaviour {
  // documented limits (seed; reference §1.5)
  maxGroupsPerUser: number;
  maxNamesPerRequest: number;
  maxFriendsPerRequest: number;
  maxNameBytes: number;
  /** accounts the app may hold; past it imports fail with 70398 (and the emulator's memory stays bounded) */
  maxAccounts: number;
  /** how the name limit is counted: bytes per the ZH limits page */
  nameLimitUnit: "bytes" | "chars";
  /** the 32-group cap counts the groups the user already has */
  capCountsExisting: boolean;
  rejectEmptyName: boolean;
  requireFields: boolean;
  checkTypes: boolean;
  checkFromExists: boolean;
  checkFriendship: boolean;
  /** refuse the whole call when a To_Account does not exist (the docs fail such items one by one) */
  refuseUnknownToAccount: boolean;
  /** group_delete clears its members' other groups as well (a fault) */
  deleteStripsAllMemberships: boolean;
  storeGroups: boolean;
  storeMembers: boolean;
  /** a failed call leaves state as it was */
  atomic: boolean;
  bumpSeqOnChange: boolean;
  // authentication (REST-intro; reference §5)
  checkSdkappid: boolean;
  checkSignature: boolean;
  checkExpiry: boolean;
  checkAdmin: boolean;
  /** compare the identifier without letter case (a fault) */
  identifierCaseInsensitive: boolean;
  /** compare the SDKAppID inside the UserSig with the URL's */
  checkSigSdkappid: boolean;
  /** seconds past expiry a UserSig is still taken (a fault when large) */
  expiryGraceSeconds: number;
  /** UserSigs with a shorter lifetime are refused (a fault: the docs only recommend ≥ 24 h) */
  minSigLifetimeSeconds: number;
  requireContentTypeHeader: boolean;
  rejectReusedRandom: boolean;
  // open behaviours: each value is one plausible service
  existingName: "reject" | "ignore";
  /** GroupName: [] (reference §7 question 2) */
  emptyGroupList: "reject" | "accept";
  /** how far CurrentSequence moves per change (reference §7 question 5) */
  seqStep: number;
  /** random above 4294967295 (real clients send it; the docs give the range) */
  randomOutOfRange: "accept" | "reject";
  duplicateInRequest: "reject" | "dedupe";
  notFriendCode: number;
  tooManyNamesCode: number;
  malformedJsonCode: number;
  successErrorInfo: string;
  extraFields: boolean;
  resultOrder: "request" | "reverse";
  seqScope: "user" | "app";
  toAccountNull: "absent" | "reject";
  responseContentType: boolean;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  maxGroupsPerUser: 32,
  maxNamesPerRequest: 32,
  maxFriendsPerRequest: 1000,
  maxNameBytes: 30,
  maxAccounts: 20_000,
  nameLimitUnit: "bytes",
  capCountsExisting: true,
  rejectEmptyName: true,
  requireFields: true,
  checkTypes: true,
  checkFromExists: true,
  checkFriendship: true,
  refuseUnknownToAccount: false,
  deleteStripsAllMemberships: false,
  storeGroups: true,
  storeMembers: true,
  atomic: true,
  bumpSeqOnChange: true,
  checkSdkappid: true,
  checkSignature: true,
  checkExpiry: true,
  checkAdmin: true,
  identifierCaseInsensitive: false,
  checkSigSdkappid: true,
  expiryGraceSeconds: 0,
  minSigLifetimeSeconds: 0,
  requireContentTypeHeader: false,
  rejectReusedRandom: false,
  existingName: "reject",
  emptyGroupList: "reject",
  seqStep: 1,
  randomOutOfRange: "accept",
  duplicateInRequest: "reject",
  notFriendCode: 32216,
  tooManyNamesCode: 30001,
  malformedJsonCode: 60003,
  successErrorInfo: "",
  extraFields: false,
  resultOrder: "request",
  seqScope: "user",
  toAccountNull: "absent",
  responseContentType: true,
};
