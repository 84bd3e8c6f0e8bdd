import { fail, isStringArray, ok } from "../envelope.js";
import type { Envelope } from "../types.js";
import { bumpSeq, type HandlerContext } from "./context.js";

/** v4/sns/group_get (docs/sources/tencent-im-rest.md §2.2). NeedFriend only counts when GroupName is empty. */
export function groupGet(ctx: HandlerContext): Envelope {
  const { body, state } = ctx;
  if (typeof body.From_Account !== "string") return fail(30001, "Err_SNS_GroupGet_Param");
  const u = state.users.get(body.From_Account);
  if (!u) return fail(30003, "Err_SNS_GroupGet_From_Account_Not_Exist");
  const filter = body.GroupName;
  if (filter !== undefined && !isStringArray(filter)) return fail(30001, "Err_SNS_GroupGet_Param");
  const picked = filter && filter.length > 0 ? u.groups.filter((g) => filter.includes(g)) : u.groups;
  // The order of ResultItem is undocumented: creation order, or newest first (a holdout variant).
  const wanted = ctx.b.groupGetOrder === "newest-first" ? [...picked].reverse() : picked;
  const withFriends =
    body.NeedFriend === "Need_Friend_Type_Yes" || (filter !== undefined && filter.length > 0);
  const items = wanted.map((g) => {
    const members = [...u.friends].filter(([, gs]) => gs.has(g)).map(([id]) => id);
    return withFriends
      ? { GroupName: g, FriendNumber: members.length, To_Account: members }
      : { GroupName: g, FriendNumber: members.length };
  });
  return ok(ctx.b.successErrorInfo, { ResultItem: items, CurrentSequence: u.seq });
}

/** v4/sns/group_delete (docs/sources/tencent-im-rest.md §2.1). Deleting an unknown name is undocumented: 30001 here. */
export function groupDelete(ctx: HandlerContext): Envelope {
  const { body, state } = ctx;
  const names = body.GroupName;
  if (typeof body.From_Account !== "string" || !isStringArray(names) || names.length === 0) {
    return fail(30001, "Err_SNS_GroupDel_Param");
  }
  const u = state.users.get(body.From_Account);
  if (!u) return fail(30003, "Err_SNS_GroupDel_From_Account_Not_Exist");
  // A holdout fault reads the names as Latin-1: a non-ASCII name then matches no group.
  const asRead = ctx.b.deleteDecodesLatin1
    ? names.map((n) => Buffer.from(n, "utf8").toString("latin1"))
    : names;
  const unknown = asRead.some((n) => !u.groups.includes(n));
  if (unknown && ctx.b.deleteUnknownName === "reject") return fail(30001, "Err_SNS_GroupDel_Group_Not_Exist");
  const found = asRead.filter((n) => u.groups.includes(n));
  // A fault: only the first of the names asked is deleted, though the answer is OK.
  const gone = ctx.b.deleteOnlyFirst ? found.slice(0, 1) : found;
  // docs/sources/tencent-im-rest.md §2.1 leaves an unknown name open: a holdout variant skips it; nothing gone, nothing moves.
  if (gone.length === 0) return ok(ctx.b.successErrorInfo, { CurrentSequence: u.seq });
  u.groups = u.groups.filter((g) => !gone.includes(g));
  for (const gs of u.friends.values()) {
    const member = gone.some((n) => gs.has(n));
    for (const n of gone) gs.delete(n);
    if (member && ctx.b.deleteStripsAllMemberships) gs.clear();
  }
  bumpSeq(ctx, u);
  return ok(ctx.b.successErrorInfo, { CurrentSequence: u.seq });
}
