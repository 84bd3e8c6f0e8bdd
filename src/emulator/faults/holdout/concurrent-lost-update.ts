import { groupAddFrom, sleep, withCopyOf } from "../../writes.js";
import type { HoldoutFault } from "./holdout.js";

/** Long enough for parallel calls from one client to overlap; sequential calls never notice. */
const GAP_MS = 20;

// Read-modify-write without a lock or a version check: a group_add reads its account, waits
// (the gap a database round trip leaves), changes its copy and writes the whole record back,
// over whatever a parallel group_add for the same account wrote in between.
export const concurrentLostUpdate = {
  id: "concurrent-lost-update",
  title: "Parallel group_add calls for one From_Account lose each other's groups (last write wins)",
  class: "concurrency",
  promise:
    "A group_add answered OK has added its groups, also when other calls for the same account run at the same time (a server may answer 30008 instead).",
  clause: "30008 | 并发写导致写冲突,建议使用批量方式; ActionStatus: OK 表示处理成功",
  source: "https://cloud.tencent.com/document/product/269/10107 (error codes, response fields)",
  neighbour: "concurrent-write-conflict-30008",
  around: async ({ state, req, handle }) => {
    const from = groupAddFrom(req);
    if (from === undefined || !state.users.has(from)) return handle(state);
    const read = withCopyOf(state, from);
    await sleep(GAP_MS);
    const out = handle(read);
    const written = read.users.get(from);
    if (written && state.users.has(from)) state.users.set(from, written);
    state.appSeq = Math.max(state.appSeq, read.appSeq);
    return out;
  },
} satisfies HoldoutFault;
