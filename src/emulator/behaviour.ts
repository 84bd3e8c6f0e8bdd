/**
 * Everything the emulator decides. The defaults are the documented service;
 * faults flip one knob to break one rule, variants pick another answer where
 * the docs leave the behaviour open (docs/sources/tencent-im-rest.md §7).
 */
export interface Behaviour {
  // documented limits (https://cloud.tencent.com/document/product/269/10107; docs/sources/tencent-im-rest.md §1.5)
  maxGroupsPerUser: number;
  maxNamesPerRequest: number;
  maxFriendsPerRequest: number;
  maxNameBytes: number;
  /** accounts the app may hold; past it imports fail with 70398 (and the emulator's memory stays bounded) */
  maxAccounts: number;
  /**
   * how the name limit is counted: bytes per the ZH limits page. Holdout faults: "astral-as-3"
   * counts a 4-byte character as 3 bytes, "cesu-8" as 6 (each UTF-16 half as 3).
   */
  nameLimitUnit: "bytes" | "chars" | "astral-as-3" | "cesu-8";
  /** the 32-group cap counts the groups the user already has */
  capCountsExisting: boolean;
  rejectEmptyName: boolean;
  requireFields: boolean;
  checkTypes: boolean;
  checkFromExists: boolean;
  checkFriendship: boolean;
  /** refuse the whole call when a To_Account does not exist (the docs fail such items one by one) */
  refuseUnknownToAccount: boolean;
  /** a group_add that places friends loses the user's oldest group (a fault) */
  dropOldestOnAdd: boolean;
  /** group_delete of several names deletes only the first (a fault) */
  deleteOnlyFirst: boolean;
  /** names with ASCII punctuation or markup are refused (a fault against a SHOULD rule) */
  refuseNamePunctuation: boolean;
  /** group_delete clears its members' other groups as well (a fault) */
  deleteStripsAllMemberships: boolean;
  storeGroups: boolean;
  storeMembers: boolean;
  /** a failed call leaves state as it was */
  atomic: boolean;
  bumpSeqOnChange: boolean;
  // authentication (REST-intro; docs/sources/tencent-im-rest.md §5)
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
  /** GroupName: [] (docs/sources/tencent-im-rest.md §7 question 2) */
  emptyGroupList: "reject" | "accept";
  /** how far CurrentSequence moves per change (docs/sources/tencent-im-rest.md §7 question 5) */
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
  // Holdout knobs (faults/holdout/): each default is the behaviour above, byte for byte.
  /** the name stored for a sent one (faults: anything but "sent") */
  storeNameAs: "sent" | "html-escaped" | "trimmed" | "nfc";
  /** how a sent name is matched against the user's groups (a fault: "case-folded") */
  existingNameMatch: "exact" | "case-folded";
  /** how group_add finds From_Account's account (faults: anything but "exact") */
  fromAccountMatch: "exact" | "case-folded" | "numeric";
  /** From_Account counts as its own friend (a fault) */
  selfIsFriend: boolean;
  /** the groups To_Account joins: the new ones (the docs), every named one, or the first new one */
  placeIn: "fresh" | "all-named" | "first-fresh";
  /** To_Account entries past this many are answered 0 but not placed (a fault when under 1000) */
  maxPlacedPerCall: number;
  /** joining a group takes the friend out of its other groups (a fault) */
  placementReplaces: boolean;
  /** a call refused for an existing name keeps the new names listed before it (a fault) */
  existingRefusalKeepsEarlier: boolean;
  /** CurrentSequence is the number of groups (a fault: it falls on group_delete) */
  seqIsGroupCount: boolean;
  /** friend_delete resets the group Sequence to 0 (a fault) */
  friendDeleteResetsSeq: boolean;
  /** friend_import, friend_add and friend_delete move the group Sequence too (undocumented either way) */
  friendChangesBumpSeq: boolean;
  /** group_delete reads names as Latin-1, so a non-ASCII name never matches (a fault) */
  deleteDecodesLatin1: boolean;
  /** group_delete of a name the user lacks: 30001, or skipped (docs/sources/tencent-im-rest.md §2.1 leaves it open) */
  deleteUnknownName: "reject" | "ignore";
  /** random refused when 0 ("truthy") or above 2^31-1 ("int32"): faults; "none" checks nothing */
  randomCheck: "none" | "truthy" | "int32";
  /** group_get's order: creation order, or newest first (undocumented) */
  groupGetOrder: "created" | "newest-first";
  /** Tag_SNS_IM_Group's order: as joined, or sorted (undocumented) */
  friendGroupsOrder: "joined" | "sorted";
  /** JSON text of answers: compact (JSON.stringify), indented, or spaces around ':' and ',' */
  jsonLayout: "compact" | "pretty" | "spaced";
  /** what answers write as \uXXXX: what JSON requires, also < > &, or every non-ASCII character */
  jsonEscape: "minimal" | "html-safe" | "ascii";
  /** Content-Encoding of answers longer than compressAbove bytes (RFC 9110 §12.5.3 allows it unasked) */
  responseEncoding: "identity" | "gzip" | "deflate";
  compressAbove: number;
  /** server.ts holds a group_add's From_Account this long; another group_add for it meanwhile gets 30008 */
  writeConflictWindowMs: number;
  /** names with whitespace at an edge, or only whitespace: taken as sent, or refused (open) */
  nameEdges: "accept" | "reject";
  /** how names are compared for "exists" and "repeated": exactly, or as NFKC (canonically or compatibly equivalent text is one name) */
  nameCompare: "exact" | "normalised";
  /** the same account twice in To_Account: an item per entry, or the call refused (open) */
  duplicateToAccount: "each" | "reject";
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
  dropOldestOnAdd: false,
  deleteOnlyFirst: false,
  refuseNamePunctuation: false,
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
  storeNameAs: "sent",
  existingNameMatch: "exact",
  fromAccountMatch: "exact",
  selfIsFriend: false,
  placeIn: "fresh",
  maxPlacedPerCall: Number.MAX_SAFE_INTEGER,
  placementReplaces: false,
  existingRefusalKeepsEarlier: false,
  seqIsGroupCount: false,
  friendDeleteResetsSeq: false,
  friendChangesBumpSeq: false,
  deleteDecodesLatin1: false,
  deleteUnknownName: "reject",
  randomCheck: "none",
  groupGetOrder: "created",
  friendGroupsOrder: "joined",
  jsonLayout: "compact",
  jsonEscape: "minimal",
  responseEncoding: "identity",
  compressAbove: 0,
  writeConflictWindowMs: 0,
  nameEdges: "accept",
  nameCompare: "exact",
  duplicateToAccount: "each",
};
