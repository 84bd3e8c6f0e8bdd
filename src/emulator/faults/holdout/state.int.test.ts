import { describe, expect, it } from "vitest";
import {
  accounts,
  add,
  befriend,
  friendGroups,
  groupGet,
  idsOf,
  names,
  neighbourOf,
  ok,
  run,
  type Scenario,
  sameSet,
  seqOf,
} from "../../../proof/support/holdout.js";

const A = "alice";

/** One scenario per fault of the classes: true when the documented promise is kept. */
const KEPT: Record<string, Scenario> = {
  // docs/sources/tencent-im-rest.md §1.1: 并将指定好友加入到新增分组中 (every new group).
  "members-first-group-only": async (c) => {
    await accounts(c, [A, "f1"]);
    await befriend(c, A, ["f1"]);
    await add(c, A, ["g1", "g2"], ["f1"]);
    return sameSet(await friendGroups(c, A, "f1"), ["g1", "g2"]);
  },
  // docs/sources/tencent-im-rest.md §1.5: 同一个好友可以有多个不同的分组.
  "placement-replaces-groups": async (c) => {
    await accounts(c, [A, "f1"]);
    await befriend(c, A, ["f1"]);
    await add(c, A, ["g1"], ["f1"]);
    await add(c, A, ["g2"], ["f1"]);
    return sameSet(await friendGroups(c, A, "f1"), ["g1", "g2"]);
  },
  // https://cloud.tencent.com/document/product/269/10107 ActionStatus: FAIL 表示失败 (a failed call adds nothing).
  "existing-name-refusal-partial": async (c) => {
    await accounts(c, [A]);
    await add(c, A, ["old"]);
    const r = await add(c, A, ["new1", "old"]);
    return ok(r) || sameSet(await names(c, A), ["old"]);
  },
  // https://cloud.tencent.com/document/product/269/10107 CurrentSequence 返回最新的分组 Sequence: it does not go back.
  "sequence-is-group-count": async (c) => {
    await accounts(c, [A]);
    const s1 = seqOf(await add(c, A, ["g1", "g2", "g3"]));
    const s2 = seqOf(await c.call("group_delete", { From_Account: A, GroupName: ["g1"] }));
    const s3 = seqOf(await add(c, A, ["g4"]));
    return s1 >= 0 && s2 >= s1 && s3 > s2;
  },
  "sequence-reset-by-friend-delete": async (c) => {
    await accounts(c, [A, "f1", "f2"]);
    await befriend(c, A, ["f1", "f2"]);
    await add(c, A, ["g1"]);
    const s2 = seqOf(await add(c, A, ["g2"]));
    await c.call("friend_delete", { From_Account: A, To_Account: ["f2"], DeleteType: "Delete_Type_Single" });
    const got = (await groupGet(c, A)).seq;
    const s3 = seqOf(await add(c, A, ["g3"]));
    return s2 > 0 && got >= s2 && s3 > s2;
  },
  // docs/sources/tencent-im-rest.md §2.2: group_get's CurrentSequence is the latest.
  "group-get-sequence-stale": async (c) => {
    await accounts(c, [A]);
    const s = seqOf(await add(c, A, ["g"]));
    return s > 0 && (await groupGet(c, A)).seq === s;
  },
  // docs/sources/tencent-im-rest.md §2.2 and §1.5: every group (up to 32) is listed.
  "group-get-first-20": async (c) => {
    await accounts(c, [A]);
    const all = Array.from({ length: 25 }, (_, i) => `g${i}`);
    return ok(await add(c, A, all)) && sameSet(await names(c, A), all);
  },
  // docs/sources/tencent-im-rest.md §2.1: 要删除的分组列表, any characters.
  "group-delete-non-ascii-missing": async (c) => {
    await accounts(c, [A]);
    await add(c, A, ["家人", "work"]);
    const r = await c.call("group_delete", { From_Account: A, GroupName: ["家人"] });
    return ok(r) && sameSet(await names(c, A), ["work"]);
  },
};

describe("holdout faults: effects, sequence and helpers", () => {
  it("has a scenario for every fault of the classes", () => {
    expect(Object.keys(KEPT).sort()).toEqual(idsOf("effects", "sequence", "helpers"));
  });
  describe.each(Object.entries(KEPT))("%s", (id, kept) => {
    it("the reference keeps the promise", async () => expect(await run({}, kept)).toBe(true));
    it("the fault breaks it", async () => expect(await run({ fault: id }, kept)).toBe(false));
    it(`its neighbour ${neighbourOf(id)} keeps it`, async () =>
      expect(await run({ variant: neighbourOf(id) }, kept)).toBe(true));
  });
});
