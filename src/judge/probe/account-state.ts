import { codesTagged } from "../../core/contract/codes.js";
import { bodyOf, type Exchange } from "../../core/kernel/exchange.js";
import { itemsOf } from "./view.js";

// The whole-effect model's account state (model.ts follows the calls; this is what it keeps).

/** One group as the calls so far made it: members for sure, and members an open answer may have added. */
export interface ModelGroup {
  members: Set<string>;
  maybe: Set<string>;
}

/** What the suite knows of one account's friend groups; `groups` undefined until read once. */
export interface AccountState {
  groups: Map<string, ModelGroup> | undefined;
  friends: Set<string>;
  /** accounts known not to be friends now: never befriended since a delete, or unfriended */
  notFriends: Set<string>;
  former: Set<string>;
  /** the last call that changed (or should have changed) the account, not yet read back */
  pending: Pending | undefined;
}

/** The changes since the account was last read: the last one's exchange, and what they did. */
export interface Pending {
  ex: Exchange;
  /** some call since the last read was accepted (changes were asked for) */
  accepted: boolean;
  /** some group_add since the last read was accepted */
  added: boolean;
  /** names accepted group_adds created, and names accepted group_deletes removed, since then */
  created: Set<string>;
  deleted: Set<string>;
  /** names of refused group_adds since then: if they appear, the refusal changed something */
  refused: Set<string>;
}

/** Adds one call to what is pending on an account (several, when calls for it ran at once). */
export function note(
  s: AccountState,
  ex: Exchange,
  accepted: boolean,
  add?: { created?: string[]; deleted?: string[]; refused?: string[] },
): void {
  const p = s.pending ?? {
    ex,
    accepted: false,
    added: false,
    created: new Set<string>(),
    deleted: new Set<string>(),
    refused: new Set<string>(),
  };
  p.ex = ex;
  p.accepted ||= accepted;
  p.added ||= accepted && add?.created !== undefined;
  for (const n of add?.created ?? []) p.created.add(n);
  for (const n of add?.refused ?? []) p.refused.add(n);
  for (const n of add?.deleted ?? []) {
    p.deleted.add(n);
    p.created.delete(n);
  }
  s.pending = p;
}

/** https://cloud.tencent.com/document/product/269/10107 错误码: 30006 请重试, 30007 请稍后重试, 30008 写冲突: refusals that may have half happened. */
export const TRANSIENT: ReadonlySet<number> = new Set(codesTagged("transient"));

/** The calls that change an account's groups or friendships, and so are read back before the next one. */
export const CHANGES: ReadonlySet<string> = new Set([
  "group_add",
  "group_delete",
  "friend_import",
  "friend_delete",
]);

export const newState = (): AccountState => ({
  groups: undefined,
  friends: new Set(),
  notFriends: new Set(),
  former: new Set(),
  pending: undefined,
});

/** Every string anywhere in a JSON value. */
export function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (typeof v === "object" && v !== null) for (const x of Object.values(v)) stringsIn(x, out);
  return out;
}

export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** Item codes by account: a ResultItem's To_Account (or UserID) and its ResultCode. */
export const codesOf = (res: Record<string, unknown> | undefined): Map<string, unknown> =>
  new Map(itemsOf(res?.ResultItem).map((i) => [String(i.To_Account ?? i.UserID), i.ResultCode]));

/** friend_delete's effect: the friendships end (both ways with Delete_Type_Both); returns the accounts it changed. */
export function deleteFriends(
  accounts: ReadonlyMap<string, AccountState>,
  from: string,
  s: AccountState,
  body: Record<string, unknown> | undefined,
  ex: Exchange,
): string[] {
  const codes = codesOf(bodyOf(ex));
  const both = body?.DeleteType === "Delete_Type_Both";
  const changed = [from];
  for (const to of strings(body?.To_Account)) {
    const was = s.friends.has(to);
    // Deleted, or refused because there was no friendship: either way there is none now.
    s.friends.delete(to);
    s.notFriends.add(to);
    if (was || codes.get(to) === 0) s.former.add(to);
    for (const g of s.groups?.values() ?? []) {
      g.members.delete(to);
      g.maybe.delete(to);
    }
    if (!both) continue;
    const other = accounts.get(to);
    if (!other) continue;
    const theirs = other.friends.has(from);
    other.friends.delete(from);
    other.notFriends.add(from);
    if (theirs) other.former.add(from);
    for (const g of other.groups?.values() ?? []) {
      g.members.delete(from);
      g.maybe.delete(from);
    }
    if (theirs) {
      note(other, ex, true);
      changed.push(to);
    }
  }
  note(s, ex, true);
  return changed;
}

/**
 * What friend_get_list must show of each friend in the account's groups (Tag_SNS_IM_Group): the
 * groups it surely is in, and those an open answer may have put it in. At most 100 friends (the
 * call's suggested size), those in groups first.
 */
export function friendSideOf(
  s: AccountState | undefined,
): Map<string, { sure: Set<string>; maybe: Set<string> }> {
  const out = new Map<string, { sure: Set<string>; maybe: Set<string> }>();
  const entry = (f: string) => {
    let e = out.get(f);
    if (!e && out.size < 100) {
      e = { sure: new Set(), maybe: new Set() };
      out.set(f, e);
    }
    return e;
  };
  for (const [name, g] of s?.groups ?? []) {
    for (const m of g.members) entry(m)?.sure.add(name);
    for (const m of g.maybe) entry(m)?.maybe.add(name);
  }
  return out;
}
