import { fail, ok } from "../envelope.js";
import { newUser, type State } from "../state.js";
import type { Body, Envelope } from "../types.js";
import { byteLength, type HandlerContext } from "./context.js";

const BAD = 70402; // docs/sources/tencent-im-rest.md §2.8: 参数非法
const MAX_ID_BYTES = 32; // docs/sources/tencent-im-rest.md §5.1: UserID 限制长度为32字节

const validId = (v: unknown): v is string =>
  typeof v === "string" && v.length > 0 && byteLength(v) <= MAX_ID_BYTES;

const FULL = 70398; // docs/sources/tencent-im-rest.md §2.8: 账号数超限

/** Imports an account unless the app is full (the emulator's memory is bounded like the service's edition). */
function importId(state: State, id: string, max: number): boolean {
  if (state.users.has(id)) return true;
  if (state.users.size >= max) return false;
  state.users.set(id, newUser(id));
  return true;
}

/** v4/im_open_login_svc/account_import; idempotent; legacy Identifier accepted (docs/sources/real-clients.md). */
export function accountImport(ctx: HandlerContext): Envelope {
  const id = ctx.body.UserID ?? ctx.body.Identifier;
  if (!validId(id)) return fail(BAD, "Err_TLS_PT_Open_Login_Param_Invalid");
  if (!importId(ctx.state, id, ctx.b.maxAccounts))
    return fail(FULL, "Err_TLS_PT_Open_Login_Account_Count_Limit");
  return ok(ctx.b.successErrorInfo);
}

/** v4/im_open_login_svc/multiaccount_import: old Accounts or new AccountList form (docs/sources/tencent-im-rest.md §2.9). */
export function multiaccountImport(ctx: HandlerContext): Envelope {
  const { body } = ctx;
  const ids: unknown[] = Array.isArray(body.Accounts)
    ? body.Accounts
    : Array.isArray(body.AccountList)
      ? body.AccountList.map((a) => (typeof a === "object" && a !== null ? (a as Body).UserID : undefined))
      : [];
  if (ids.length === 0 || ids.length > 100) return fail(BAD, "Err_TLS_PT_Open_Login_Param_Invalid");
  const failed = ids.filter((id) => !(validId(id) && importId(ctx.state, id, ctx.b.maxAccounts))).map(String);
  return ok(ctx.b.successErrorInfo, { FailAccounts: failed });
}

function userIds(items: unknown): string[] | undefined {
  if (!Array.isArray(items) || items.length === 0 || items.length > 100) return undefined;
  const ids = items.map((i) => (typeof i === "object" && i !== null ? (i as Body).UserID : undefined));
  return ids.every((x): x is string => typeof x === "string") ? ids : undefined;
}

/** v4/im_open_login_svc/account_delete: removes the user and their place in others' lists (docs/sources/tencent-im-rest.md §2.10). */
export function accountDelete(ctx: HandlerContext): Envelope {
  const ids = userIds(ctx.body.DeleteItem);
  if (!ids) return fail(BAD, "Err_TLS_PT_Open_Login_Param_Invalid");
  const items = ids.map((id) => {
    if (!ctx.state.users.delete(id)) {
      return { ResultCode: 70107, ResultInfo: "Err_TLS_PT_Open_Login_Account_Not_Exist", UserID: id };
    }
    for (const u of ctx.state.users.values()) u.friends.delete(id);
    return { ResultCode: 0, ResultInfo: "", UserID: id };
  });
  return ok(ctx.b.successErrorInfo, { ResultItem: items });
}

/** v4/im_open_login_svc/account_check (docs/sources/tencent-im-rest.md §2.11). */
export function accountCheck(ctx: HandlerContext): Envelope {
  const ids = userIds(ctx.body.CheckItem);
  if (!ids) return fail(BAD, "Err_TLS_PT_Open_Login_Param_Invalid");
  const items = ids.map((id) => ({
    UserID: id,
    ResultCode: 0,
    ResultInfo: "",
    AccountStatus: ctx.state.users.has(id) ? "Imported" : "NotImported",
  }));
  return ok(ctx.b.successErrorInfo, { ResultItem: items });
}
