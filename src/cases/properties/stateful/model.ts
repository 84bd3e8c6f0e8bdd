import { foldName } from "../../../core/contract/classify-names.js";
import type { Relation } from "../../../judge/oracles/judging.js";
import type { CaseContext } from "../../../judge/probe/context.js";
import { ModelFailure } from "../property.js";

/** What the suite believes one user's friend groups are (https://cloud.tencent.com/document/product/269/10107; docs/sources/tencent-im-rest.md §2.2, §2.6). */
export interface Model {
  groups: string[];
  members: Map<string, Set<string>>;
  friends: Set<string>;
  /** imported accounts that were never friends */
  strangers: Set<string>;
  /** accounts that were friends and were unfriended since */
  former: Set<string>;
  /** the last CurrentSequence the target reported */
  seq: number | undefined;
  /** the documented cap (https://cloud.tencent.com/document/product/269/10107: 因分组数最多32) */
  cap: number;
}

export interface Real {
  t: CaseContext;
  user: string;
  prefix: string;
}

/** Ends the sequence once a MUST rule failed: from there the model no longer knows the state. */
export function stopOnFailure(t: CaseContext, before: number): void {
  if (t.mustFailures > before) throw new ModelFailure("a MUST rule failed");
}

/** Names compared as loosely as any server might (case, NFKC, accents): the model never sends a look-alike of a held name. */
export const lower = foldName;

/** What the model knows of an account right now: the per-item oracle's input. */
export function relationOf(m: Readonly<Model>, a: string): Relation {
  if (m.friends.has(a)) return "friend";
  if (m.former.has(a)) return "former";
  return m.strangers.has(a) ? "stranger" : "unknown";
}
