import { codesTagged } from "../../core/contract/codes.js";
import { type Command, validate } from "../../core/contract/schemas.js";
import { answerKind, bodyOf, succeeded } from "../../core/kernel/exchange.js";
import { exactInteger } from "../../core/kernel/raw-json.js";
import { judgeItems, type Relation } from "../../judge/oracles/judging.js";
import type { CaseContext } from "../../judge/probe/context.js";
import { type Effects, isFullRead, judgeEffects } from "../../judge/probe/effects.js";
import type { AccountState } from "../../judge/probe/model.js";
import { itemsOf } from "../../judge/probe/view.js";
import { judgeByOwnClasses } from "./domain.js";
import type { Observed } from "./exchange.js";

/** A request that passed before any sequence of its user was seen: nothing to hold its answer to. */
const NO_FLOOR = -1n;

/** What the service side of an observation holds: a case context to judge through, and the model. */
export interface ServiceSide {
  t: CaseContext;
  memory: Map<string, unknown>;
  /** the judge's model of the accounts it follows; absent with --cross-call off */
  effects?: Effects;
  /** whether the model may follow one more account (memory stays bounded) */
  follow: (id: string) => boolean;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** The account the model forgets: its groups are unknown until the next full read, which it adopts. */
export function forget(e: Effects, id: string): void {
  const s = e.model.state(id);
  s.groups = undefined;
  s.pending = undefined;
}

const FRIEND_CALLS: ReadonlySet<string> = new Set(["friend_import", "friend_delete"]);
const TRANSIENT: ReadonlySet<number> = new Set(codesTagged("transient"));

/**
 * A friend call whose effect is unknowable (no answer, one that contradicts itself, a transient
 * refusal that may have half happened, or one that overlapped another call of the account): the
 * friendships it names are unknown again, both ways, so no later item is held to a guess.
 */
export function forgetFriendships(
  e: Effects,
  command: string,
  body: Record<string, unknown> | undefined,
): void {
  const from = body?.From_Account;
  if (!FRIEND_CALLS.has(command) || typeof from !== "string" || !e.model.imported(from)) return;
  const to =
    command === "friend_import"
      ? itemsOf(body?.AddFriendItem).map((i) => i.To_Account)
      : Array.isArray(body?.To_Account)
        ? body.To_Account
        : [];
  const mine = e.model.state(from);
  for (const a of to.filter((x): x is string => typeof x === "string")) {
    for (const set of [mine.friends, mine.notFriends, mine.former]) set.delete(a);
    if (!e.model.imported(a)) continue;
    const theirs = e.model.state(a);
    for (const set of [theirs.friends, theirs.notFriends, theirs.former]) set.delete(from);
  }
}

/** Whether a friend call's answer leaves its effect unknowable (see forgetFriendships). */
const unknowable = (o: Observed): boolean => {
  const kind = answerKind(o.ex);
  return (
    kind === "none" ||
    kind === "ambiguous" ||
    (kind === "refused" && TRANSIENT.has(Number(bodyOf(o.ex)?.ErrorCode)))
  );
};

/**
 * Accounts an answer proves exist: the From_Account of an accepted call, and what the account calls
 * imported. Only these are followed, and only up to the cap; an account never seen answered for is
 * never judged. The model then adopts an account's first full group_get and judges the reads after.
 */
function learnAccounts(s: ServiceSide, e: Effects, o: Observed): void {
  if (answerKind(o.ex) !== "accepted") return;
  const b = o.body;
  const ids =
    o.command === "multiaccount_import"
      ? itemsOf(b?.AccountList)
          .map((i) => i.UserID)
          .filter((id) => !strings(bodyOf(o.ex)?.FailAccounts).includes(String(id)))
      : o.command === "account_import"
        ? [b?.UserID ?? b?.Identifier]
        : o.command === "account_check"
          ? itemsOf(bodyOf(o.ex)?.ResultItem)
              .filter((i) => i.AccountStatus === "Imported")
              .map((i) => i.UserID)
          : [b?.From_Account];
  for (const id of ids) if (typeof id === "string" && s.follow(id)) e.model.addImported(id);
}

/** A group_get the model can judge: a full read (no filter, members, LastSequence 0 or absent) of the schema's shape. */
function judgeableRead(o: Observed): boolean {
  const last = o.body?.LastSequence;
  if (!isFullRead(o.body) || (last !== undefined && last !== 0)) return false;
  const res = bodyOf(o.ex);
  return succeeded(o.ex) && res !== undefined && validate(o.command as Command, "success", res).length === 0;
}

/**
 * After an accepted group_add whose account the model knew: an account whose item failed was not
 * placed (seed: Fail_Account 返回处理失败的用户列表), so a later read must not list it in the new
 * groups, whatever the model knew of it ("a not-friend never placed"); friends and non-friends the
 * model knows are held to the per-item oracle; a group_add that created a name must move
 * CurrentSequence (SHOULD). An item answered 0 for an account the model cannot place stays open:
 * were it listed or not, which rule broke (a friend not placed, or a non-friend answered 0) is
 * unknowable without knowing the friendship, so neither is blamed.
 */
function afterAdd(
  s: ServiceSide,
  e: Effects,
  o: Observed,
  st: AccountState,
  before: Set<string>,
  floor?: bigint,
) {
  const from = o.body?.From_Account as string;
  const fresh = [...new Set(strings(o.body?.GroupName))].filter((n) => !before.has(n));
  const codes = new Map(itemsOf(bodyOf(o.ex)?.ResultItem).map((i) => [i.To_Account, i.ResultCode]));
  for (const n of fresh) {
    const g = st.groups?.get(n);
    for (const a of [...(g?.maybe ?? [])]) {
      const code = codes.get(a);
      if (Number.isInteger(code) && code !== 0) g?.maybe.delete(a);
    }
  }
  const relationOf = (a: string): Relation | undefined =>
    a === from ? "stranger" : e.model.relation(from, a);
  const known = strings(o.body?.To_Account).filter((a) => relationOf(a) !== undefined);
  if (known.length > 0) judgeItems(s.t, o.ex, known, (a) => relationOf(a) ?? "unknown");
  const seq = exactInteger(o.ex, "/CurrentSequence", bodyOf(o.ex)?.CurrentSequence);
  if (fresh.length === 0 || floor === undefined || seq === undefined) return;
  s.t.expect(
    "sequence-moves-on-change",
    seq > floor,
    `CurrentSequence ${floor} before, ${seq} after group_add created ${fresh.length} group(s)`,
    o.ex,
    () => ({ instancePath: "/CurrentSequence", expected: `more than ${floor}`, actual: String(seq) }),
  );
  s.t.observe(
    "open-sequence-step",
    seq > floor ? `+${seq - floor} since the user's previous answer` : "no move",
    o.ex,
  );
}

/**
 * Judges the service's answer: every exchange check (each answer held to the sequences known when
 * its request had passed, as the suite holds calls it sends at once), the request's own classes,
 * and, unless the account's calls overlapped, the model: group_add's items and sequence, and every
 * judgeable full group_get against what the calls so far made (src/judge/probe/compare.ts).
 */
export function judgeService(
  s: ServiceSide,
  o: Observed,
  /** the request's own input-domain classes (domain.ts), for a group_add */
  classes: readonly string[],
  floors: ReadonlyMap<string, bigint | undefined>,
  tangled: boolean,
): void {
  for (const [user, floor] of floors) s.memory.set(`batch:${user}`, floor ?? NO_FLOOR);
  s.t.judge(o.ex, o.body);
  for (const user of floors.keys()) s.memory.delete(`batch:${user}`);
  const invalid = o.command === "group_add" && judgeByOwnClasses(s.t, o, classes);
  const e = s.effects;
  if (!e) return;
  learnAccounts(s, e, o);
  if (["multiaccount_import", "account_import", "account_check"].includes(o.command)) return;
  const from = typeof o.body?.From_Account === "string" ? o.body.From_Account : undefined;
  const st = from !== undefined && e.model.imported(from) ? e.model.state(from) : undefined;
  const before = st?.groups ? new Set(st.groups.keys()) : undefined;
  // No random: the model would keep every one (for classes observe does not use), without bound.
  e.model.apply(o.command, o.body, o.ex, undefined, invalid);
  if (tangled || unknowable(o)) forgetFriendships(e, o.command, o.body);
  if (tangled || !st) return;
  if (o.command === "group_add" && !invalid && before && answerKind(o.ex) === "accepted")
    afterAdd(s, e, o, st, before, from === undefined ? undefined : floors.get(from));
  if (o.command === "group_get" && !judgeableRead(o)) return;
  // A name group_add created, listed by the read that follows: the pass of group-add-creates-groups
  // (judgeEffects fails it when the read lacks one; it reports only state-matches-calls on a match).
  const created = o.command === "group_get" && st.groups && st.pending?.added ? [...st.pending.created] : [];
  const evidence = st.pending?.ex;
  const first = o.command === "group_get" && !st.groups;
  judgeEffects(s.t, e, o.command, o.body, o.ex);
  const listed = new Set(itemsOf(bodyOf(o.ex)?.ResultItem).map((i) => i.GroupName));
  // The first read is adopted, not compared; that no user ever holds more than 32 needs no history.
  if (first && listed.size > e.cap)
    s.t.expect("group-cap-32", false, `group_get shows ${listed.size} groups`, o.ex, () => ({
      instancePath: "/ResultItem (group_get)",
      expected: `at most ${e.cap} groups`,
      actual: `${listed.size} groups`,
    }));
  if (created.length > 0 && evidence && created.every((n) => listed.has(n)))
    s.t.expect(
      "group-add-creates-groups",
      true,
      `group_get lists the ${created.length} name(s) group_add created`,
      evidence,
    );
}
