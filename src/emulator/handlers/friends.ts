import { fail, isStringArray, ok } from "../envelope.js";
import type { State, User } from "../state.js";
import type { Envelope } from "../types.js";
import { bumpSeq, type HandlerContext } from "./context.js";

interface Item {
  To_Account: string;
  ResultCode: number;
  ResultInfo: string;
}

/**
 * After a friend change: whether the group Sequence moves is undocumented (a holdout variant moves it);
 * a holdout fault resets it to 0 on friend_delete.
 */
function afterFriendChange(ctx: HandlerContext, u: User, items: Item[], deleting: boolean): void {
  if (!items.some((i) => i.ResultCode === 0)) return;
  if (deleting && ctx.b.friendDeleteResetsSeq) u.seq = 0;
  else if (ctx.b.friendChangesBumpSeq) bumpSeq(ctx, u);
}

function withFailures(info: string, items: Item[], extra: Record<string, unknown> = {}): Envelope {
  const failed = items.filter((i) => i.ResultCode !== 0).map((i) => i.To_Account);
  return ok(info, { ...extra, ResultItem: items, ...(failed.length > 0 ? { Fail_Account: failed } : {}) });
}

/** Gives `u` the friend `to`, creating named groups it does not have (an undocumented guess, docs/sources/tencent-im-rest.md §2.3). */
function befriend(u: User, to: string, groups: string[]): void {
  const set = u.friends.get(to) ?? new Set<string>();
  for (const g of groups) {
    if (!u.groups.includes(g)) u.groups.push(g);
    set.add(g);
  }
  u.friends.set(to, set);
}

function readItems(ctx: HandlerContext): { from: User; items: Record<string, unknown>[] } | Envelope {
  const { body, state } = ctx;
  if (
    typeof body.From_Account !== "string" ||
    !Array.isArray(body.AddFriendItem) ||
    body.AddFriendItem.length === 0
  ) {
    return fail(30001, "Err_SNS_Friend_Param");
  }
  const from = state.users.get(body.From_Account);
  if (!from) return fail(30003, "Err_SNS_Friend_From_Account_Not_Exist");
  const items = body.AddFriendItem as unknown[];
  if (
    !items.every(
      (i) =>
        typeof i === "object" && i !== null && typeof (i as Record<string, unknown>).To_Account === "string",
    )
  ) {
    return fail(30001, "Err_SNS_Friend_Param");
  }
  return { from, items: items as Record<string, unknown>[] };
}

function addOne(state: State, from: User, to: string, groups: string[], both: boolean): Item {
  const peer = state.users.get(to);
  if (!peer) return { To_Account: to, ResultCode: 30003, ResultInfo: "Err_SNS_Friend_To_Account_Not_Exist" };
  if (from.friends.has(to))
    return { To_Account: to, ResultCode: 30001, ResultInfo: "Err_SNS_FriendAdd_Friend_Exist" };
  befriend(from, to, groups);
  if (both && !peer.friends.has(from.id)) befriend(peer, from.id, []);
  return { To_Account: to, ResultCode: 0, ResultInfo: "" };
}

/** v4/sns/friend_import: one-way import; GroupName is an array here (docs/sources/tencent-im-rest.md §2.3). */
export function friendImport(ctx: HandlerContext): Envelope {
  const r = readItems(ctx);
  if ("ActionStatus" in r) return r;
  const results = r.items.map((i) =>
    addOne(ctx.state, r.from, i.To_Account as string, isStringArray(i.GroupName) ? i.GroupName : [], false),
  );
  afterFriendChange(ctx, r.from, results, false);
  return withFailures(ctx.b.successErrorInfo, results);
}

/** v4/sns/friend_add: GroupName is one string, "" meaning none (docs/sources/tencent-im-rest.md §2.4, docs/sources/real-clients.md). */
export function friendAdd(ctx: HandlerContext): Envelope {
  const r = readItems(ctx);
  if ("ActionStatus" in r) return r;
  const both = ctx.body.AddType !== "Add_Type_Single";
  const results = r.items.map((i) => {
    const g = typeof i.GroupName === "string" && i.GroupName !== "" ? [i.GroupName] : [];
    return addOne(ctx.state, r.from, i.To_Account as string, g, both);
  });
  afterFriendChange(ctx, r.from, results, false);
  return withFailures(ctx.b.successErrorInfo, results);
}

/** v4/sns/friend_get_list: Tag_SNS_IM_Group lists a friend's groups (docs/sources/tencent-im-rest.md §2.6). */
export function friendGetList(ctx: HandlerContext): Envelope {
  const { body, state } = ctx;
  if (typeof body.From_Account !== "string" || !isStringArray(body.To_Account))
    return fail(30001, "Err_SNS_FriendGetList_Param");
  const u = state.users.get(body.From_Account);
  if (!u) return fail(30003, "Err_SNS_FriendGetList_From_Account_Not_Exist");
  const info = body.To_Account.map((to) => {
    const gs = u.friends.get(to);
    if (!gs)
      return { To_Account: to, ResultCode: 30001, ResultInfo: "Err_SNS_FriendGetList_Friend_Not_Exist" };
    return {
      To_Account: to,
      // The order of the names is undocumented: as joined, or sorted (a holdout variant).
      SnsProfileItem: [
        { Tag: "Tag_SNS_IM_Group", Value: ctx.b.friendGroupsOrder === "sorted" ? [...gs].sort() : [...gs] },
      ],
      ResultCode: 0,
      ResultInfo: "",
    };
  });
  const failed = info.filter((i) => i.ResultCode !== 0).map((i) => i.To_Account);
  return ok(ctx.b.successErrorInfo, {
    InfoItem: info,
    ...(failed.length > 0 ? { Fail_Account: failed } : {}),
  });
}

/** v4/sns/friend_delete (docs/sources/tencent-im-rest.md §2.12); 31704: no friendship to delete (docs/sources/tencent-im-rest.md §4). */
export function friendDelete(ctx: HandlerContext): Envelope {
  const { body, state } = ctx;
  if (typeof body.From_Account !== "string" || !isStringArray(body.To_Account))
    return fail(30001, "Err_SNS_FriendDelete_Param");
  const u = state.users.get(body.From_Account);
  if (!u) return fail(30003, "Err_SNS_FriendDelete_From_Account_Not_Exist");
  const both = body.DeleteType !== "Delete_Type_Single";
  const results = body.To_Account.map((to): Item => {
    if (!u.friends.delete(to))
      return { To_Account: to, ResultCode: 31704, ResultInfo: "Err_SNS_FriendDelete_Not_Friend" };
    if (both) state.users.get(to)?.friends.delete(u.id);
    return { To_Account: to, ResultCode: 0, ResultInfo: "" };
  });
  afterFriendChange(ctx, u, results, true);
  return withFailures(ctx.b.successErrorInfo, results);
}
