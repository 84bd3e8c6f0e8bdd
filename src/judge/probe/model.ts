import type { ClassifyContext } from "../../core/contract/classify.js";
import { answerKind, bodyOf, type Exchange } from "../../core/kernel/exchange.js";
import {
  type AccountState,
  CHANGES,
  codesOf,
  deleteFriends,
  friendSideOf,
  type ModelGroup,
  newState,
  note,
  strings,
  stringsIn,
  TRANSIENT,
} from "./account-state.js";
import { RandomSet } from "./random-set.js";

export { type AccountState, CHANGES, type ModelGroup, type Pending } from "./account-state.js";

import type { GroupView } from "./view.js";
import { itemsOf } from "./view.js";

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
    return deleteFriends(this.accounts, from, s, body, ex);
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

  /**
   * What friend_get_list must show of each friend in the account's groups (Tag_SNS_IM_Group): the
   * groups it surely is in, and those an open answer may have put it in.
   */
  friendSide(id: string): Map<string, { sure: Set<string>; maybe: Set<string> }> {
    return friendSideOf(this.accounts.get(id));
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
