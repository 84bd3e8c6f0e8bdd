import type { Behaviour } from "../behaviour.js";
import { fail, isStringArray, ok } from "../envelope.js";
import type { State, User } from "../state.js";
import type { Envelope } from "../types.js";
import { bumpSeq, type HandlerContext, nameKey, nameLength } from "./context.js";

const BAD = 30001; // https://cloud.tencent.com/document/product/269/10107 错误码: 请求参数错误
const NO_USER = 30003; // https://cloud.tencent.com/document/product/269/10107: 请求的用户账号不存在
const GROUP_LIMIT = 30011; // https://cloud.tencent.com/document/product/269/10107: 分组已达系统上限

interface Parsed {
  from: string;
  names: string[];
  to: string[] | undefined;
}

function parse(ctx: HandlerContext): Parsed | Envelope {
  const { body, b } = ctx;
  const from = body.From_Account;
  const names = body.GroupName;
  let to = body.To_Account;
  if (b.requireFields && (from === undefined || names === undefined)) {
    return fail(BAD, "Err_SNS_GroupAdd_Param_Missing");
  }
  // Real clients send "To_Account": null for "none" (docs/sources/real-clients.md).
  if (to === null && b.toAccountNull === "absent") to = undefined;
  if (b.checkTypes) {
    if (typeof from !== "string" || !isStringArray(names)) return fail(BAD, "Err_SNS_GroupAdd_Param_Type");
    if (to !== undefined && !isStringArray(to)) return fail(BAD, "Err_SNS_GroupAdd_To_Account_Type");
  }
  return {
    from: String(from ?? ""),
    names: Array.isArray(names) ? names.map(String) : [String(names ?? "")],
    to: Array.isArray(to) ? to.map(String) : to === undefined || to === null ? undefined : [String(to)],
  };
}

function checkNames(ctx: HandlerContext, p: Parsed): Envelope | undefined {
  const { b } = ctx;
  if (p.names.length === 0 && b.emptyGroupList === "reject")
    return fail(BAD, "Err_SNS_GroupAdd_GroupName_Empty");
  // https://cloud.tencent.com/document/product/269/10107: 单次请求的分组数不得超过32; the code is open (30001 or 30011).
  if (p.names.length > b.maxNamesPerRequest)
    return fail(b.tooManyNamesCode, "Err_SNS_GroupAdd_Too_Many_Groups");
  // https://cloud.tencent.com/document/product/269/10107: 单次请求的好友数不得超过1000
  if (p.to && p.to.length > b.maxFriendsPerRequest) return fail(BAD, "Err_SNS_GroupAdd_Too_Many_Friends");
  for (const n of p.names) {
    if (n.length === 0 && b.rejectEmptyName) return fail(BAD, "Err_SNS_GroupAdd_GroupName_Empty");
    if (nameLength(b, n) > b.maxNameBytes) return fail(BAD, "Err_SNS_GroupAdd_GroupName_Too_Long");
  }
  if (b.refuseNamePunctuation && p.names.some((n) => /[!#$%()*+,./:;=?@[\]^`{|}~<>&'"\\]/.test(n)))
    return fail(BAD, "Err_SNS_GroupAdd_GroupName_Illegal_Char");
  if (b.nameEdges === "reject" && p.names.some((n) => n.trim() !== n || n.trim() === ""))
    return fail(BAD, "Err_SNS_GroupAdd_GroupName_Blank_Edge");
  if (
    new Set(p.names.map((n) => nameKey(b, n))).size !== p.names.length &&
    b.duplicateInRequest === "reject"
  ) {
    return fail(BAD, "Err_SNS_GroupAdd_GroupName_Duplicate");
  }
  if (p.to && b.duplicateToAccount === "reject" && new Set(p.to).size !== p.to.length)
    return fail(BAD, "Err_SNS_GroupAdd_To_Account_Duplicate");
  return undefined;
}

/** The name kept for a sent one: the sent bytes, or a holdout fault's rewrite of them. */
function stored(b: Behaviour, n: string): string {
  if (b.storeNameAs === "trimmed") return n.trim();
  if (b.storeNameAs === "nfc") return n.normalize("NFC");
  if (b.storeNameAs === "html-escaped")
    return n.replace(
      /[&<>"']/g,
      (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`,
    );
  return n;
}

/** From_Account's account: by exact id, or as a holdout fault finds it (letter case folded, or as a number). */
function findUser(state: State, b: Behaviour, from: string): User | undefined {
  if (b.fromAccountMatch === "numeric" && /^\d+$/.test(from)) return state.users.get(String(Number(from)));
  const exact = state.users.get(from);
  if (exact || b.fromAccountMatch !== "case-folded") return exact;
  const folded = from.toLowerCase();
  return [...state.users.values()].find((u) => u.id.toLowerCase() === folded);
}

/** The groups a friend joins: the new ones (https://cloud.tencent.com/document/product/269/10107), or what a holdout fault picks. */
function joined(b: Behaviour, fresh: string[], named: string[]): string[] {
  if (b.placeIn === "all-named") return named;
  return b.placeIn === "first-fresh" ? fresh.slice(0, 1) : fresh;
}

export function groupAdd(ctx: HandlerContext): Envelope {
  const { state, b } = ctx;
  const p = parse(ctx);
  if ("ActionStatus" in p) return p;
  const bad = checkNames(ctx, p);
  if (bad) return bad;
  const user = findUser(state, b, p.from);
  if (!user)
    return b.checkFromExists
      ? fail(NO_USER, "Err_SNS_GroupAdd_From_Account_Not_Exist")
      : ok(b.successErrorInfo, { CurrentSequence: 0 });
  if (b.refuseUnknownToAccount && p.to?.some((acc) => !state.users.has(acc))) {
    return fail(NO_USER, "Err_SNS_GroupAdd_To_Account_Not_Exist");
  }
  const named = [...new Set(p.names.map((n) => stored(b, n)))];
  // How the service compares names: exactly (the default), as NFKC (a benign variant), or
  // case-folded (a holdout fault: values are case-sensitive, REST-intro).
  const key = (n: string) => (b.existingNameMatch === "case-folded" ? n.toLowerCase() : nameKey(b, n));
  const have = new Set(user.groups.map(key));
  const fresh = named.filter((n) => !have.has(key(n)));
  if (fresh.length < named.length && b.existingName === "reject") {
    // A holdout fault: names written one by one, stopping at the first that exists.
    if (b.existingRefusalKeepsEarlier) {
      const earlier = named.slice(
        0,
        named.findIndex((n) => have.has(key(n))),
      );
      if (user.groups.length + earlier.length <= b.maxGroupsPerUser) user.groups.push(...earlier);
    }
    return fail(BAD, "Err_SNS_GroupAdd_GroupName_Exist");
  }
  const counted = b.capCountsExisting ? user.groups.length + fresh.length : fresh.length;
  if (counted > b.maxGroupsPerUser) {
    if (!b.atomic) user.groups.push(...fresh);
    return fail(GROUP_LIMIT, "Err_SNS_GroupAdd_Group_Count_Exceed_Limit");
  }
  // A fault: a call that places friends loses the user's oldest group (a lost update).
  if (b.dropOldestOnAdd && fresh.length > 0 && p.to && p.to.length > 0 && user.groups.length > 0)
    user.groups.shift();
  if (b.storeGroups) user.groups.push(...fresh);
  const joins = joined(b, fresh, named);
  const items = (p.to ?? []).map((acc, i) => {
    let groups = user.friends.get(acc);
    // A holdout fault: From_Account in its own To_Account taken for a friend.
    if (!groups && b.selfIsFriend && acc === user.id) {
      groups = new Set<string>();
      user.friends.set(acc, groups);
    }
    if (!groups && b.checkFriendship) {
      return {
        To_Account: acc,
        ResultCode: b.notFriendCode,
        ResultInfo: "Err_SNS_GroupAdd_ToTinyId_Not_Friend",
      };
    }
    if (groups && b.storeMembers && i < b.maxPlacedPerCall) {
      if (b.placementReplaces) groups.clear();
      for (const n of joins) groups.add(n);
    }
    return { To_Account: acc, ResultCode: 0, ResultInfo: "" };
  });
  if (fresh.length > 0 || items.some((i) => i.ResultCode === 0)) bumpSeq(ctx, user);
  if (b.resultOrder === "reverse") items.reverse();
  const fields: Record<string, unknown> = { CurrentSequence: user.seq };
  if (p.to !== undefined) fields.ResultItem = items;
  const failed = items.filter((i) => i.ResultCode !== 0).map((i) => i.To_Account);
  // seed: Fail_Account 仅当存在失败用户时才返回该字段
  if (failed.length > 0) fields.Fail_Account = failed;
  return ok(b.successErrorInfo, fields);
}
