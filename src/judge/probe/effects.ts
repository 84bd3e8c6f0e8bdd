import { answerKind, bodyOf, type Exchange } from "../../core/kernel/exchange.js";
import { compare, compareFriendSide } from "./compare.js";
import type { CaseContext } from "./context.js";
import { type AccountModel, CHANGES } from "./model.js";
import { tagsOf, viewOf } from "./view.js";

/** The whole-effect oracle as the catalogue names it (judgedBy "effects"): the rules it judges. */
export const EFFECTS_ORACLE = {
  id: "effects",
  title: "after every call, group_get against the judge's model of the accounts (src/judge/probe/effects.ts)",
  rules: [
    "state-matches-calls",
    "group-delete-removes",
    "group-add-creates-groups",
    "group-add-places-friends",
    "not-friend-fails-item",
    "failed-call-no-change",
    "group-cap-32",
    "sequence-never-decreases",
  ],
} as const;

/** The whole-effect oracle's share of a run: the model and the cap it holds every account to. */
export interface Effects {
  model: AccountModel;
  cap: number;
}

/** A full read of an account: every group, with its members (what a readback sends). */
export const fullRead = (user: string): Record<string, unknown> => ({
  From_Account: user,
  NeedFriend: "Need_Friend_Type_Yes",
  LastSequence: 0,
});

/** Whether a group_get body asks for everything (no GroupName filter) with the members. */
export function isFullRead(body: Record<string, unknown> | undefined): body is { From_Account: string } {
  return (
    typeof body?.From_Account === "string" &&
    body.NeedFriend === "Need_Friend_Type_Yes" &&
    (body.GroupName === undefined || (Array.isArray(body.GroupName) && body.GroupName.length === 0))
  );
}

/** The accounts whose last change must be read back before this call changes them again. */
export function toSettle(e: Effects, command: string, body: Record<string, unknown> | undefined): string[] {
  if (!CHANGES.has(command) || typeof body?.From_Account !== "string") return [];
  const out = [body.From_Account];
  // A two-way delete changes the other side only where it had From_Account as a friend.
  if (command === "friend_delete" && body.DeleteType === "Delete_Type_Both" && Array.isArray(body.To_Account))
    for (const a of body.To_Account)
      if (typeof a === "string" && e.model.friendOf(a, body.From_Account)) out.push(a);
  return out.filter((a) => {
    if (!e.model.imported(a)) return false;
    const s = e.model.state(a);
    return s.pending !== undefined || (a === body.From_Account && s.groups === undefined);
  });
}

/**
 * Judges a full group_get against the model of its account and then takes it as the account's
 * state (so one defect is reported once, not again at every later read). A group_delete refused
 * for names group_get had listed is a finding too: the target broke group_delete's promise, which
 * is a verdict, not a suite error.
 */
/** A friend_get_list still to be made for an account just read back: the other way of seeing its members. */
export interface FriendSide {
  user: string;
  expected: ReturnType<AccountModel["friendSide"]>;
  created: ReadonlySet<string>;
  evidence: Exchange;
}

export function judgeEffects(
  t: CaseContext,
  e: Effects,
  command: string,
  body: Record<string, unknown> | undefined,
  ex: Exchange,
): FriendSide | undefined {
  if (
    command === "group_delete" &&
    answerKind(ex) === "refused" &&
    !ex.afterLostAnswer &&
    typeof body?.From_Account === "string"
  ) {
    const held = e.model.held(body.From_Account);
    const names = Array.isArray(body.GroupName) ? body.GroupName.filter((n) => typeof n === "string") : [];
    if (held && names.length > 0 && names.every((n) => held.includes(n)))
      t.expect(
        "group-delete-removes",
        false,
        `group_delete of ${JSON.stringify(names.slice(0, 5))}, which the user has, was refused`,
        ex,
        () => ({
          instancePath: "/ActionStatus",
          expected: "OK: the user has these groups",
          actual: `FAIL ${String(bodyOf(ex)?.ErrorCode)}`,
        }),
      );
  }
  if (command !== "group_get" || answerKind(ex) !== "accepted" || !isFullRead(body)) return undefined;
  const res = bodyOf(ex);
  if (!res || !Array.isArray(res.ResultItem)) return undefined;
  const user = body.From_Account;
  const s = e.model.state(user);
  const view = viewOf(res);
  let side: FriendSide | undefined;
  if (s.groups) {
    const found = compare(s, view, e.cap);
    const evidence = s.pending?.ex ?? ex;
    for (const d of found)
      t.expect(
        d.rule,
        false,
        `${d.message} (group_get #${ex.seq} after ${s.pending ? `${s.pending.ex.command} #${s.pending.ex.seq}` : "no change"})`,
        evidence,
        () => d,
      );
    if (found.length === 0) {
      // The evidence is the call whose effect was read back (so coverage links the rule to it).
      t.expect(
        "state-matches-calls",
        true,
        `${user}: group_get matches the calls so far`,
        s.pending?.ex ?? ex,
      );
      // Only refusals since the last read, and nothing changed: what failed-call-no-change asks.
      if (s.pending && !s.pending.accepted)
        t.expect("failed-call-no-change", true, `${user}: the refused call changed nothing`, s.pending.ex);
      if (s.pending?.deleted.size)
        t.expect("group-delete-removes", true, `${user}: deleted groups are gone`, s.pending.ex);
      // Members both ways: after a change that placed or moved friends, their side is read too.
      const expected = e.model.friendSide(user);
      if (s.pending?.accepted && expected.size > 0)
        side = { user, expected, created: new Set(s.pending.created), evidence: s.pending.ex };
    }
  }
  e.model.adopt(user, view);
  return side;
}

/** Judges friend_get_list's answer for a friend side the readback asked for. */
export function judgeFriendSide(t: CaseContext, side: FriendSide, ex: Exchange): void {
  const res = bodyOf(ex);
  if (!res) return;
  const found = compareFriendSide(side.expected, tagsOf(res), side.created);
  for (const d of found)
    t.expect(d.rule, false, `${d.message} (friend_get_list #${ex.seq})`, side.evidence, () => d);
  if (found.length === 0)
    t.expect("state-matches-calls", true, `${side.user}: friend_get_list matches the groups`, ex);
}
