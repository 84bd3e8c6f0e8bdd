import { ACCOUNTS_PER_SLICE, POOL_SIZE } from "../../config/shards.js";
import { SuiteError } from "../../core/kernel/errors.js";
import { clearGroups, friendGroups, groupsOf } from "../../judge/probe/calls.js";
import type { CaseContext } from "../../judge/probe/context.js";
import { itemsOf } from "../../judge/probe/view.js";
import type { SliceLeaser } from "../case.js";

/**
 * The suite's own accounts: `<prefix>_u01`…, imported idempotently and reset
 * (groups and friendships only) after use. The suite never reads or writes an
 * account outside this pool; unknown accounts it names are `<prefix>_`-prefixed
 * ids checked to be absent. It never deletes what it did not create (issue 21: a
 * planted marker group once made it take over accounts holding someone's groups):
 * it resets only accounts it imported itself this run or found empty (no group, no
 * friendship with another pool account) before it wrote anything. Anything else on
 * a pool account stops the run (exit 2, naming the account) unless --reset-pool.
 */
export class Pool {
  readonly ids: string[];
  /** accounts whose UserIDs are digits only (a class of the input domain), owned and reset like the others */
  readonly digits: string[];
  private free: string[];
  private readonly leased = new Set<string>();
  private ghostN = 0;

  constructor(
    readonly prefix: string,
    private readonly resetPool = false,
    size = POOL_SIZE,
  ) {
    this.ids = Array.from({ length: size }, (_, k) => `${prefix}_u${String(k + 1).padStart(2, "0")}`);
    this.digits = digitIds(prefix);
    this.free = [...this.ids];
  }

  /** The accounts the suite owns and resets: the pool and the digits-only ones. */
  owned(): readonly string[] {
    return this.members();
  }

  private members(): string[] {
    return [...this.ids, ...this.digits];
  }

  /** One of the digits-only accounts, leased like the others (reset when the case ends). */
  leaseDigits(): string | undefined {
    const id = this.digits.find((d) => !this.leased.has(d));
    if (id) this.leased.add(id);
    return id;
  }

  /** Checks every pool account is absent or empty, imports them (multiaccount_import, ≤100 per call). */
  async prepare(t: CaseContext): Promise<void> {
    const check = await t.fixture("account_check", {
      CheckItem: this.members().map((UserID) => ({ UserID })),
    });
    const imported = new Set(
      itemsOf(check.ResultItem)
        .filter((i) => i.AccountStatus === "Imported")
        .map((i) => String(i.UserID)),
    );
    const holding = await this.foreignData(t, imported);
    if (holding.length > 0 && !this.resetPool)
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        `TIM_ACCOUNT_PREFIX: ${holding.map((h) => h.what).join("; ")} hold data this run did not create, and the suite deletes only what it created; choose another --prefix, or pass --reset-pool if the suite may clear these accounts (a killed run's leftovers included)`,
      );
    await t.fixture("multiaccount_import", { AccountList: this.members().map((UserID) => ({ UserID })) });
    // Asked to take them over (--reset-pool): only then is anything deleted that this run did not create.
    for (const h of holding) await this.reset(t, h.id);
  }

  /** What each imported account holds that a reset would delete: its groups and its friendships in the pool. */
  private async foreignData(
    t: CaseContext,
    imported: Set<string>,
  ): Promise<Array<{ id: string; what: string }>> {
    const out: Array<{ id: string; what: string }> = [];
    for (const id of this.members().filter((x) => imported.has(x))) {
      const groups = (await groupsOf(t, id)).names.length;
      const peers = this.members().filter((o) => o !== id && imported.has(o));
      const friends = peers.length === 0 ? [] : [...(await friendGroups(t, id, peers)).keys()];
      if (groups + friends.length > 0)
        out.push({
          id,
          what: `${id} (${groups} group(s)${friends.length ? `, friends with ${friends.join(", ")}` : ""})`,
        });
    }
    return out;
  }

  lease(): string {
    const id = this.free.shift();
    if (!id)
      throw new SuiteError(
        "TIM_ERR_FIXTURE",
        `the account pool (${this.ids.length}) is exhausted by one case`,
      );
    this.leased.add(id);
    return id;
  }

  /**
   * Slice `s` of the pool, for one part of a generated phase at a time: its leases are the
   * slice's accounts in order, and `release` resets them, so the next part on the slice starts
   * from what a fresh case would.
   */
  slice(s: number): SliceLeaser {
    const ids = this.ids.slice(s * ACCOUNTS_PER_SLICE, (s + 1) * ACCOUNTS_PER_SLICE);
    const mine: string[] = [];
    return {
      prefix: this.prefix,
      lease: () => {
        const id = ids[mine.length];
        if (!id)
          throw new SuiteError(
            "TIM_ERR_FIXTURE",
            `a part of a generated phase needs more than the ${ACCOUNTS_PER_SLICE} accounts of its slice`,
          );
        mine.push(id);
        this.leased.add(id);
        return id;
      },
      release: async (t) => {
        for (const id of mine) await this.reset(t, id);
        for (const id of mine) this.leased.delete(id);
      },
    };
  }

  /** Deletes the account's groups and its friendships with pool accounts. */
  async reset(t: CaseContext, id: string): Promise<void> {
    await clearGroups(t, id);
    const others = this.members().filter((o) => o !== id);
    await t.fixture("friend_delete", {
      From_Account: id,
      To_Account: others,
      DeleteType: "Delete_Type_Both",
    });
  }

  /** Resets every pool account: the run ends as it began. */
  async resetAll(t: CaseContext): Promise<void> {
    for (const id of this.members()) await this.reset(t, id);
  }

  /** Resets what the case leased, even when it failed: called from the runner's finally. */
  async releaseAll(t: CaseContext): Promise<void> {
    const ids = [...this.leased];
    this.leased.clear();
    this.free = [...this.ids];
    for (const id of ids) await this.reset(t, id);
  }

  /** An id under the pool's prefix that account_check says was never imported. */
  async ghost(t: CaseContext): Promise<string> {
    for (;;) {
      const id = `${this.prefix}_ghost${++this.ghostN}`;
      const res = await t.fixture("account_check", { CheckItem: [{ UserID: id }] });
      const item = itemsOf(res.ResultItem)[0];
      if (item?.AccountStatus === "NotImported") return id;
      if (this.ghostN > 50)
        throw new SuiteError("TIM_ERR_FIXTURE", "no unimported id found under the prefix");
    }
  }
}

/**
 * Two digits-only UserIDs derived from the prefix (UserIDs may be digits only: 数字(0-9), in the
 * official signing code's comment), so every run with one prefix uses the same two. They start
 * with 8, so adding a leading zero names another id.
 */
export function digitIds(prefix: string): string[] {
  let h = 0x811c9dc5;
  for (const c of prefix) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  const stem = `8${String(h % 1_000_000_000).padStart(9, "0")}`;
  return [`${stem}1`, `${stem}2`];
}
