import { bodyOf, type Exchange } from "../../core/kernel/exchange.js";
import { groupsOf } from "../probe/calls.js";
import type { CaseContext } from "../probe/context.js";
import type { CallOptions } from "../probe/request.js";
import { type GroupView, itemsOf } from "../probe/view.js";

export function groupAdd(
  t: CaseContext,
  from: string,
  names: string[],
  to?: string[],
  o?: CallOptions,
): Promise<Exchange> {
  return t.call("group_add", { From_Account: from, GroupName: names, ...(to ? { To_Account: to } : {}) }, o);
}

/** `count` distinct ASCII names starting with `stem`. */
export const names = (stem: string, count: number, from = 1): string[] =>
  Array.from({ length: count }, (_, k) => `${stem}${String(from + k).padStart(2, "0")}`);

/** What group_get says now, or undefined against a group_add-only target (declared fixtures). */
export async function snapshotGroups(
  t: CaseContext,
  user: string,
  declared: boolean,
): Promise<GroupView | undefined> {
  return declared ? undefined : groupsOf(t, user);
}

/**
 * Reads the user back after a call that should have been refused: the whole-effect oracle judges
 * that read (a refused call that changed anything fails failed-call-no-change; a call wrongly
 * accepted is its own rule's to blame, and what it did is taken as the state). Skipped, with the
 * reason, without group_get (declared fixtures).
 */
export async function expectUnchanged(
  t: CaseContext,
  user: string,
  before: GroupView | undefined,
): Promise<GroupView | undefined> {
  if (!before) {
    t.skip(
      "failed-call-no-change",
      "needs group_get, which the target does not implement (declared fixtures)",
    );
    return undefined;
  }
  return groupsOf(t, user);
}

/** What the suite knows of a To_Account at the moment of the call. */
export type Relation = "friend" | "stranger" | "former" | "unknown";

const WHAT: Record<Relation, string> = {
  friend: "friend",
  stranger: "imported non-friend",
  former: "former friend",
  unknown: "unknown account",
};

const show = (xs: string[]): string =>
  `${xs.slice(0, 5).join(", ")}${xs.length > 5 ? ` and ${xs.length - 5} more` : ""}`;

/**
 * The per-item oracle of an accepted group_add (https://cloud.tencent.com/document/product/269/10107, second example): every
 * friend gets ResultCode 0; every other account (never a friend, a former
 * friend, unknown) gets a non-zero ResultCode and is listed in Fail_Account.
 * Whatever shape the answer has, it is judged, never a crash.
 */
export function judgeItems(
  t: CaseContext,
  ex: Exchange,
  asked: readonly string[],
  relationOf: (a: string) => Relation,
): void {
  const res = bodyOf(ex);
  const codes = new Map<unknown, unknown>(itemsOf(res?.ResultItem).map((i) => [i.To_Account, i.ResultCode]));
  const failList = new Set(Array.isArray(res?.Fail_Account) ? (res?.Fail_Account as unknown[]) : []);
  const friendsWrong: string[] = [];
  const othersWrong: string[] = [];
  // Where the first wrong item is in the answer: its ResultCode, or the list when it has none.
  const items = itemsOf(res?.ResultItem);
  const at = (a: string, expected: string, code: unknown) => {
    const k = items.findIndex((i) => i.To_Account === a);
    return {
      instancePath: k < 0 ? "/ResultItem" : `/ResultItem/${k}/ResultCode`,
      expected: `${a}: ${expected}`,
      actual: k < 0 ? `no item for ${a}` : (JSON.stringify(code) ?? "missing"),
    };
  };
  let firstFriend: ReturnType<typeof at> | undefined;
  let firstOther: ReturnType<typeof at> | undefined;
  let friends = 0;
  let others = 0;
  for (const a of new Set(asked)) {
    const r = relationOf(a);
    const code = codes.get(a);
    // A ResultCode of the wrong type is result-item-types' to blame; what it meant is unknowable.
    if (code !== undefined && !Number.isInteger(code)) continue;
    if (r === "friend") {
      friends += 1;
      if (code !== 0) {
        friendsWrong.push(`${a}: ResultCode ${JSON.stringify(code) ?? "missing"}`);
        firstFriend ??= at(a, "ResultCode 0", code);
      }
      continue;
    }
    others += 1;
    if (!(code !== undefined && code !== 0 && failList.has(a))) {
      othersWrong.push(
        `${WHAT[r]} ${a}: ResultCode ${JSON.stringify(code) ?? "missing"}, ${failList.has(a) ? "in" : "not in"} Fail_Account`,
      );
      firstOther ??= at(a, "a non-zero ResultCode, listed in Fail_Account", code);
    }
  }
  if (friends > 0)
    t.expect(
      "group-add-places-friends",
      friendsWrong.length === 0,
      friendsWrong.length
        ? `friends not placed: ${show(friendsWrong)}`
        : `${friends} friend(s) got ResultCode 0`,
      ex,
      firstFriend && (() => firstFriend),
    );
  if (others > 0)
    t.expect(
      "not-friend-fails-item",
      othersWrong.length === 0,
      othersWrong.length
        ? `non-friends not failed: ${show(othersWrong)}`
        : `${others} non-friend(s) failed in ResultItem and Fail_Account`,
      ex,
      firstOther && (() => firstOther),
    );
}

/**
 * Members both ways, as group_get shows them: each new group holds every
 * placed friend and nobody else (a non-friend, a former friend, an unknown id).
 */
export function judgeMembers(
  t: CaseContext,
  view: GroupView,
  names: readonly string[],
  expected: readonly string[],
  ex?: Exchange,
): void {
  const want = new Set(expected);
  for (const n of new Set(names)) {
    const got = view.members.get(n) ?? [];
    const missing = [...want].filter((m) => !got.includes(m));
    const extra = got.filter((m) => !want.has(m));
    const where = `/ResultItem/${Math.max(0, view.names.indexOf(n))}/To_Account (group_get)`;
    if (missing.length)
      t.expect("group-add-places-friends", false, `"${n}" lacks placed friends ${show(missing)}`, ex, () => ({
        instancePath: where,
        expected: `members include ${show(missing)}`,
        actual: JSON.stringify(got.slice(0, 5)),
      }));
    if (extra.length)
      t.expect(
        "not-friend-fails-item",
        false,
        `"${n}" holds accounts that were not placed: ${show(extra)}`,
        ex,
        () => ({ instancePath: where, expected: "only placed friends", actual: `also ${show(extra)}` }),
      );
    if (!missing.length && !extra.length && want.size > 0)
      t.expect("group-add-places-friends", true, `"${n}" holds exactly the ${want.size} friend(s)`, ex);
  }
}
