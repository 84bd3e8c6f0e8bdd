import { type GroupView, groupsOf } from "../fixtures/pool.js";
import type { CaseContext } from "../runner/context.js";
import type { CallOptions } from "../runner/request.js";
import type { Exchange } from "../transport/exchange.js";

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

const sameMembers = (a: GroupView, b: GroupView): boolean =>
  a.names.length === b.names.length &&
  a.names.every(
    (n) =>
      b.names.includes(n) &&
      JSON.stringify([...(a.members.get(n) ?? [])].sort()) ===
        JSON.stringify([...(b.members.get(n) ?? [])].sort()),
  );

/** What group_get says now, or undefined against a group_add-only target (declared fixtures). */
export async function snapshotGroups(
  t: CaseContext,
  user: string,
  declared: boolean,
): Promise<GroupView | undefined> {
  return declared ? undefined : groupsOf(t, user);
}

/** Judges that a refused call changed nothing a later group_get can see; skipped, with the reason, without group_get. */
export async function expectUnchanged(
  t: CaseContext,
  user: string,
  before: GroupView | undefined,
  what: string,
): Promise<GroupView | undefined> {
  if (!before) {
    t.skip(
      "failed-call-no-change",
      "needs group_get, which the target does not implement (declared fixtures)",
    );
    return undefined;
  }
  const after = await groupsOf(t, user);
  const same = sameMembers(before, after);
  t.expect(
    "failed-call-no-change",
    same,
    same
      ? `${what}: groups unchanged`
      : `${what}: groups were ${JSON.stringify(before.names)}, now ${JSON.stringify(after.names)}`,
  );
  return after;
}

export const utf8 = (s: string): number => Buffer.byteLength(s, "utf8");
