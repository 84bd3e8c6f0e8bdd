import type { FindingDetail } from "../../core/kernel/events.js";
import type { AccountState } from "./model.js";
import type { GroupView } from "./view.js";

/** One way group_get differs from what the calls so far made, blamed on the rule it breaks. */
export interface Discrepancy extends FindingDetail {
  rule: string;
  message: string;
}

const show = (xs: readonly string[]): string =>
  `${xs
    .slice(0, 5)
    .map((x) => JSON.stringify(x))
    .join(", ")}${xs.length > 5 ? ` and ${xs.length - 5} more` : ""}`;

/**
 * Compares a full group_get with the model of the account. Blame follows what the last change
 * was, so one defect fails one rule: a name an accepted group_add created and group_get lacks is
 * group-add-creates-groups; a friend it placed and group_get lacks, group-add-places-friends; a
 * non-friend in a new group, not-friend-fails-item; a name group_delete removed and group_get
 * still lists, group-delete-removes; a change after a refused call, failed-call-no-change
 * (SHOULD) when it adds and state-matches-calls when it loses something; anything else that
 * appears, disappears or moves, state-matches-calls. Past the cap is always group-cap-32.
 */
export function compare(s: AccountState, view: GroupView, cap: number): Discrepancy[] {
  const groups = s.groups;
  if (!groups) return [];
  const p = s.pending;
  const added = p?.added === true;
  // Only refused calls since the last read: whatever they changed is theirs (SHOULD) if it adds.
  const refused = p !== undefined && !p.accepted;
  const deleted = p?.deleted ?? new Set<string>();
  const fresh = p?.created ?? new Set<string>();
  const out: Discrepancy[] = [];
  const push = (rule: string, message: string, instancePath: string, expected: string, actual: string) =>
    out.push({ rule, message, instancePath, expected, actual });
  const listed = new Set(view.names);
  const where = "/ResultItem (group_get)";

  const missing = [...groups.keys()].filter((n) => !listed.has(n));
  const created = missing.filter((n) => fresh.has(n));
  const lost = missing.filter((n) => !fresh.has(n));
  if (created.length)
    push(
      "group-add-creates-groups",
      `group_get lacks ${show(created)}, just created`,
      where,
      `includes ${show(created)}`,
      show(view.names),
    );
  if (lost.length)
    push(
      "state-matches-calls",
      `group_get lacks ${show(lost)}, which no call deleted`,
      where,
      `includes ${show(lost)}`,
      show(view.names),
    );

  const extra = view.names.filter((n) => !groups.has(n));
  const undeleted = extra.filter((n) => deleted.has(n));
  const unasked = [...new Set(extra.filter((n) => !deleted.has(n)))];
  // A name a refused group_add sent, now listed: the refusal changed something (SHOULD).
  const partial = unasked.filter((n) => p?.refused.has(n));
  const phantom = unasked.filter((n) => !p?.refused.has(n));
  if (partial.length)
    push(
      "failed-call-no-change",
      `group_get lists ${show(partial)}, sent by a refused group_add`,
      where,
      show([...groups.keys()]),
      show(view.names),
    );
  if (undeleted.length)
    push(
      "group-delete-removes",
      `group_get still lists ${show(undeleted)} after group_delete`,
      where,
      `no ${show(undeleted)}`,
      show(view.names),
    );
  if (phantom.length) {
    const rule = refused
      ? "failed-call-no-change"
      : added
        ? "group-add-creates-groups"
        : "state-matches-calls";
    const after = refused
      ? "a refused call"
      : added
        ? "group_add (a name other than the one sent)"
        : "no call that created them";
    push(
      rule,
      `group_get lists ${show(phantom)} after ${after}`,
      where,
      show([...groups.keys()]),
      show(view.names),
    );
  }
  const twice = view.names.filter((n, k) => view.names.indexOf(n) !== k);
  if (twice.length)
    push(
      "state-matches-calls",
      `group_get lists ${show(twice)} more than once`,
      where,
      "each name once",
      show(view.names),
    );
  if (view.names.length > cap)
    push(
      "group-cap-32",
      `group_get shows ${view.names.length} groups`,
      where,
      `at most ${cap} groups`,
      `${view.names.length} groups`,
    );

  for (const [n, g] of groups) {
    if (!listed.has(n)) continue;
    const got = view.members.get(n) ?? [];
    const have = new Set(got);
    const at = `/ResultItem/${view.names.indexOf(n)}/To_Account (group_get)`;
    const gone = [...g.members].filter((m) => !have.has(m));
    const stray = got.filter((m) => !g.members.has(m) && !g.maybe.has(m));
    const doubled = got.filter((m, k) => got.indexOf(m) !== k);
    if (doubled.length)
      push(
        "state-matches-calls",
        `"${n}" lists ${show(doubled)} more than once`,
        at,
        "each member once",
        show(got),
      );
    if (gone.length) {
      const rule = fresh.has(n) ? "group-add-places-friends" : "state-matches-calls";
      push(rule, `"${n}" lacks ${show(gone)}`, at, `members include ${show(gone)}`, show(got));
    }
    if (stray.length) {
      const rule = refused
        ? "failed-call-no-change"
        : fresh.has(n)
          ? "not-friend-fails-item"
          : "state-matches-calls";
      push(rule, `"${n}" holds ${show(stray)}, never placed there`, at, "only placed friends", show(got));
    }
    const count = view.counts.get(n);
    if (count !== undefined && count !== got.length)
      push(
        "state-matches-calls",
        `"${n}" has FriendNumber ${JSON.stringify(count)} but lists ${got.length} friends`,
        `/ResultItem/${view.names.indexOf(n)}/FriendNumber (group_get)`,
        String(got.length),
        JSON.stringify(count),
      );
  }
  return out;
}

/**
 * Members the other way round: each friend's groups as friend_get_list shows them, against the
 * groups the model puts it in. A group created since the last read that a friend lacks is
 * group-add-places-friends; anything else that differs is state-matches-calls.
 */
export function compareFriendSide(
  expected: ReadonlyMap<string, { sure: ReadonlySet<string>; maybe: ReadonlySet<string> }>,
  tags: ReadonlyMap<string, readonly string[]>,
  created: ReadonlySet<string>,
): Discrepancy[] {
  const out: Discrepancy[] = [];
  [...expected].forEach(([friend, want], k) => {
    const got = new Set(tags.get(friend) ?? []);
    const where = `/InfoItem/${k}/SnsProfileItem/Tag_SNS_IM_Group (friend_get_list)`;
    const lacking = [...want.sure].filter((g) => !got.has(g));
    const extra = [...got].filter((g) => !want.sure.has(g) && !want.maybe.has(g));
    const fresh = lacking.filter((g) => created.has(g));
    if (fresh.length)
      out.push({
        rule: "group-add-places-friends",
        message: `friend_get_list: ${friend} lacks ${show(fresh)} in Tag_SNS_IM_Group`,
        instancePath: where,
        expected: `includes ${show(fresh)}`,
        actual: show([...got]),
      });
    const rest = lacking.filter((g) => !created.has(g));
    if (rest.length || extra.length)
      out.push({
        rule: "state-matches-calls",
        message: `friend_get_list: ${friend} is in ${show([...got])}, the calls put it in ${show([...want.sure])}`,
        instancePath: where,
        expected: show([...want.sure]),
        actual: show([...got]),
      });
  });
  return out;
}
