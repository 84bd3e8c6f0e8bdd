import { groupAddFrom, sleep } from "../../writes.js";
import type { HoldoutFault } from "./holdout.js";

const GAP_MS = 20;

// Check-then-act: the 32-group cap (and the existing-name check) is tested against the group
// list read when the call arrived; the new names are appended to the list as it is when the
// call writes. Parallel calls each pass the check and together pass 32.
export const concurrentCapRace = {
  id: "concurrent-cap-race",
  title:
    "Parallel group_add calls for one From_Account each pass the cap check: the user ends with more than 32 groups",
  class: "concurrency",
  promise:
    "A user never has more than 32 groups, also when several group_add calls for the user run at the same time.",
  clause: "好友分组最多支持32个; 30011 | 分组已达系统上限",
  source:
    "docs/sources/tencent-im-rest.md §1.5 (limits page); https://cloud.tencent.com/document/product/269/10107 (error codes)",
  neighbour: "concurrent-write-conflict-30008",
  around: async ({ state, req, handle }) => {
    const from = groupAddFrom(req);
    const seen = from === undefined ? undefined : state.users.get(from)?.groups.slice();
    if (from === undefined || seen === undefined) return handle(state);
    await sleep(GAP_MS);
    const user = state.users.get(from);
    if (!user) return handle(state);
    const current = user.groups;
    user.groups = [...seen];
    const out = handle(state); // synchronous: nothing else runs until the list is put back
    const added = user.groups.filter((g) => !seen.includes(g) && !current.includes(g));
    user.groups = [...current, ...added];
    return out;
  },
} satisfies HoldoutFault;
