import { CHANGES } from "../../judge/probe/model.js";

/** The calls that read an account's groups: judged against the model only when nothing overlapped them. */
const READS: ReadonlySet<string> = new Set(["group_get", "friend_get_list"]);

interface Account {
  changes: number;
  reads: number;
  /** a change overlapped another call of the account: what the upstream did first is unknowable */
  tangled: boolean;
}

/** The accounts a call is about: From_Account, and for friend_delete the other side too (both ways). */
export function accountsOf(command: string, body: Record<string, unknown> | undefined): string[] {
  const from = body?.From_Account;
  if (typeof from !== "string") return [];
  const out = [from];
  if (command === "friend_delete" && Array.isArray(body?.To_Account))
    for (const a of body.To_Account) if (typeof a === "string" && a !== from) out.push(a);
  return out;
}

/**
 * Which calls of one account were in flight at once, as the observer sees them: from the moment
 * the whole request has passed (the upstream cannot act on it before) to the moment the whole
 * answer has. Calls that never overlap happened in the order seen; the model can follow them. A
 * change that overlaps another call of the same account (the suite avoids this, an app need not)
 * could have been applied before or after it: those calls are not judged against the model, and
 * once the account is quiet again the model forgets its groups until the next full read.
 */
export class Flights {
  private readonly accounts = new Map<string, Account>();

  /** A call's request has passed; returns nothing, marks the accounts it tangles. */
  start(command: string, accounts: readonly string[]): void {
    const change = CHANGES.has(command);
    if (!change && !READS.has(command)) return;
    for (const id of accounts) {
      const a = this.accounts.get(id) ?? { changes: 0, reads: 0, tangled: false };
      if (a.changes > 0 || (change && a.reads > 0)) a.tangled = true;
      if (change) a.changes += 1;
      else a.reads += 1;
      this.accounts.set(id, a);
    }
  }

  /** Whether any of the accounts is tangled now (the call that just ended must not be judged by the model). */
  tangled(accounts: readonly string[]): boolean {
    return accounts.some((id) => this.accounts.get(id)?.tangled === true);
  }

  /** A call has ended; returns the accounts that were tangled and are quiet now (the model forgets them). */
  end(command: string, accounts: readonly string[]): string[] {
    const change = CHANGES.has(command);
    if (!change && !READS.has(command)) return [];
    const quiet: string[] = [];
    for (const id of accounts) {
      const a = this.accounts.get(id);
      if (!a) continue;
      if (change) a.changes -= 1;
      else a.reads -= 1;
      if (a.changes > 0 || a.reads > 0) continue;
      if (a.tangled) quiet.push(id);
      this.accounts.delete(id);
    }
    return quiet;
  }

  /** Calls in flight now, across accounts (a bounded count: entries go when their calls end). */
  get size(): number {
    return this.accounts.size;
  }
}
