import type { ClassifyContext } from "../../core/contract/classify.js";
import { codesTagged } from "../../core/contract/codes.js";
import { answerKind, bodyOf, type Exchange } from "../../core/kernel/exchange.js";
import { RandomSet } from "./random-set.js";
import type { GroupView } from "./view.js";
import { itemsOf } from "./view.js";

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
function note(
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
const TRANSIENT: ReadonlySet<number> = new Set(codesTagged("transient"));

/** The calls that change an account's groups or friendships, and so are read back before the next one. */
export const CHANGES: ReadonlySet<string> = new Set([
  "group_add",
  "group_delete",
  "friend_import",
  "friend_delete",
]);

const newState = (): AccountState => ({
  groups: undefined,
  friends: new Set(),
  notFriends: new Set(),
  former: new Set(),
  pending: undefined,
});

/** Every string anywhere in a JSON value. */
function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (typeof v === "object" && v !== null) for (const x of Object.values(v)) stringsIn(x, out);
  return out;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** Item codes by account: a ResultItem's To_Account (or UserID) and its ResultCode. */
const codesOf = (res: Record<string, unknown> | undefined): Map<string, unknown> =>
  new Map(itemsOf(res?.ResultItem).map((i) => [String(i.To_Account ?? i.UserID), i.ResultCode]));

/**
 * The judge's own model of the accounts it touches, built from what it sent and what the
 * documentation says each call does (never from the emulator): group_add adds its new names
 * and places the friends among To_Account; group_delete removes names; friend_import and
 * friend_delete make and end friendships. Open answers widen what is allowed (`maybe`), an
 * unknowable answer forgets the account until it is read again.
 */
export class AccountModel implements ClassifyContext {
  private readonly accounts = new Map<string, AccountState>();
  private readonly importedIds = new Set<string>();
  private readonly importedLower = new Map<string, string>();
  private readonly randoms = new RandomSet();

  state(id: string): AccountState {
    let s = this.accounts.get(id);
    if (!s) {
      s = newState();
      this.accounts.set(id, s);
    }
    return s;
  }

  pendingAccounts(): string[] {
    return [...this.accounts].filter(([, s]) => s.pending).map(([id]) => id);
  }

  held(id: string): readonly string[] | undefined {
    const g = this.accounts.get(id)?.groups;
    return g ? [...g.keys()] : undefined;
  }
  imported(id: string): boolean {
    return this.importedIds.has(id);
  }
  importedIgnoringCase(id: string): string | undefined {
    return this.importedLower.get(id.toLowerCase());
  }
  relation(from: string, to: string): "friend" | "stranger" | "former" | "unknown" | undefined {
    const s = this.accounts.get(from);
    if (s?.friends.has(to)) return "friend";
    if (s?.former.has(to)) return "former";
    if (!this.importedIds.has(to)) return this.knownAbsent.has(to) ? "unknown" : undefined;
    return s?.notFriends.has(to) ? "stranger" : undefined;
  }
  randomSeen(r: string): boolean {
    return this.randoms.has(r);
  }

  private readonly knownAbsent = new Set<string>();

  /** Records what a call says of accounts and randoms, and what it changes; returns the accounts it changed. */
  apply(
    command: string,
    body: Record<string, unknown> | undefined,
    ex: Exchange,
    random?: string,
    invalid = false,
  ): string[] {
    if (random !== undefined) this.randoms.add(random);
    const res = bodyOf(ex);
    const kind = answerKind(ex);
    if (command === "multiaccount_import" && kind === "accepted") {
      const failed = new Set(strings(res?.FailAccounts));
      for (const i of itemsOf(body?.AccountList))
        if (!failed.has(String(i.UserID))) this.addImported(String(i.UserID));
      return [];
    }
    if (command === "account_check" && kind === "accepted") {
      for (const i of itemsOf(res?.ResultItem)) {
        if (i.AccountStatus === "Imported") this.addImported(String(i.UserID));
        else if (i.AccountStatus === "NotImported") this.knownAbsent.add(String(i.UserID));
      }
      return [];
    }
    if (invalid && kind === "accepted") {
      // An invalid call taken (its own rule blames that): whatever it did to any account it names,
      // in whatever shape (From_Account as ["id"], say), is unknowable; the next read is the state.
      for (const id of stringsIn(body)) if (this.importedIds.has(id)) this.forget(id);
      return [];
    }
    const from = typeof body?.From_Account === "string" ? body.From_Account : undefined;
    // Only accounts the suite imported are followed: an unknown id has no state to read back.
    if (!from || !this.importedIds.has(from) || !CHANGES.has(command)) return [];
    const s = this.state(from);
    if ((kind !== "accepted" && kind !== "refused") || ex.afterLostAnswer) {
      // No answer, one that contradicts itself, or one to a retry of a call whose first answer was
      // lost (it may have been applied twice, or refused for meeting itself): unknowable; read again.
      this.forget(from);
      return [];
    }
    if (kind === "refused" && TRANSIENT.has(Number(bodyOf(ex)?.ErrorCode))) {
      // 30006/30007/30008 ask for a retry: the call may have done part of its work, or all of it.
      this.forget(from);
      return [];
    }
    if (kind === "refused") {
      note(s, ex, false, command === "group_add" ? { refused: strings(body?.GroupName) } : {});
      return [from];
    }
    if (command === "group_add") return [this.groupAdd(from, s, body, ex)];
    if (command === "group_delete") {
      const names = strings(body?.GroupName);
      for (const n of names) s.groups?.delete(n);
      note(s, ex, true, { deleted: names });
      return [from];
    }
    if (command === "friend_import") {
      const codes = codesOf(res);
      for (const i of itemsOf(body?.AddFriendItem)) {
        const to = String(i.To_Account);
        if (codes.get(to) === 0) this.befriend(s, to);
      }
      note(s, ex, true);
      return [from];
    }
    return this.friendDelete(from, s, body, ex);
  }

  /** The account's groups are not known until it is read again (the read is then taken, not judged). */
  private forget(id: string): void {
    const s = this.state(id);
    s.groups = undefined;
    s.pending = undefined;
  }

  /** An account known to exist (imported, or answered for by the service: observe follows those). */
  addImported(id: string): void {
    this.importedIds.add(id);
    this.importedLower.set(id.toLowerCase(), id);
    this.knownAbsent.delete(id);
  }

  private befriend(s: AccountState, to: string): void {
    s.friends.add(to);
    s.notFriends.delete(to);
    s.former.delete(to);
  }

  private groupAdd(
    from: string,
    s: AccountState,
    body: Record<string, unknown> | undefined,
    ex: Exchange,
  ): string {
    const names = [...new Set(strings(body?.GroupName))];
    const to = [...new Set(strings(body?.To_Account))];
    const fresh = s.groups ? names.filter((n) => !s.groups?.has(n)) : names;
    // 将指定好友加入到新增分组中: friends join the new groups only; a name the user has is left
    // as it was (whether such a name is refused or skipped is open, what it holds is not).
    if (s.groups) {
      for (const n of fresh) {
        const g: ModelGroup = { members: new Set(), maybe: new Set() };
        for (const a of to) {
          const rel = a === from ? "stranger" : this.relation(from, a);
          if (rel === "friend") g.members.add(a);
          else if (rel === undefined) g.maybe.add(a);
        }
        s.groups.set(n, g);
      }
    }
    note(s, ex, true, { created: fresh });
    return from;
  }

  private friendDelete(
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
      const other = this.accounts.get(to);
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
  friendSide(id: string): Map<string, { sure: Set<string>; maybe: Set<string> }> {
    const s = this.accounts.get(id);
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

  /**
   * At a case's start, the suite's accounts are as the pool leaves them between cases (checked
   * empty at setup, reset and read back after every case): no group, no friendship with each
   * other. Starting every case from that, not from what earlier cases happened to leave in the
   * model, makes what a case judges the same in any order, on any shard and with any lanes.
   */
  startCase(owned: readonly string[]): void {
    for (const id of owned) {
      const s = this.state(id);
      s.groups = new Map();
      s.pending = undefined;
      for (const other of owned) {
        if (other === id) continue;
        s.friends.delete(other);
        s.former.delete(other);
        s.notFriends.add(other);
      }
    }
  }

  /** Whether `from` is, as far as the model knows, a friend of `of` (a two-way delete changes `of` then). */
  friendOf(of: string, from: string): boolean {
    return this.accounts.get(of)?.friends.has(from) ?? false;
  }

  /** A read the model did not know how to predict: it becomes the account's state from now on. */
  adopt(id: string, view: GroupView): void {
    const s = this.state(id);
    s.groups = new Map(
      view.names.map((n) => [n, { members: new Set(view.members.get(n) ?? []), maybe: new Set<string>() }]),
    );
    s.pending = undefined;
  }
}
