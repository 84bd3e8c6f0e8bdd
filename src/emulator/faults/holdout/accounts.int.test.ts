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
} from "../../../proof/support/holdout.js";

const A = "alice";
const many = (n: number) => Array.from({ length: n }, (_, i) => `f${String(i).padStart(4, "0")}`);

/** One scenario per fault of the classes: true when the documented promise is kept. */
const KEPT: Record<string, Scenario> = {
  // https://cloud.tencent.com/document/product/269/10107 From_Account 需要为该 UserID 添加新分组; 30003 请求的用户账号不存在.
  "from-account-case-folded": async (c) => {
    await accounts(c, ["alice"]);
    const r = await add(c, "ALICE", ["g"]);
    return !ok(r) && (await names(c, "alice")).length === 0;
  },
  "userid-digits-as-number": async (c) => {
    await accounts(c, ["007"]);
    return ok(await add(c, "007", ["g"])) && (await names(c, "007")).includes("g");
  },
  // seed: ResultCode 非0表示失败; only friends join the group.
  "self-placed-in-group": async (c) => {
    await accounts(c, [A, "f1"]);
    await befriend(c, A, ["f1"]);
    const r = await add(c, A, ["g"], [A, "f1"]);
    const items = (r.json?.ResultItem ?? []) as { To_Account: string; ResultCode: number }[];
    const self = items.find((i) => i.To_Account === A);
    const fail = r.json?.Fail_Account;
    const g = (await groupGet(c, A)).groups.find((x) => x.GroupName === "g");
    return (
      self !== undefined &&
      self.ResultCode !== 0 &&
      Array.isArray(fail) &&
      fail.includes(A) &&
      g?.FriendNumber === 1
    );
  },
  // docs/sources/tencent-im-rest.md §1.1: 并将指定好友加入到新增分组中 (the new groups only).
  "existing-name-members-moved": async (c) => {
    await accounts(c, [A, "f1"]);
    await befriend(c, A, ["f1"]);
    await add(c, A, ["old"]);
    await add(c, A, ["old", "new"], ["f1"]);
    const fg = await friendGroups(c, A, "f1");
    return Array.isArray(fg) && !fg.includes("old");
  },
  // https://cloud.tencent.com/document/product/269/10107 To_Account: 单次请求的好友数不得超过1000; each ResultCode 0 is a friend placed.
  "members-capped-at-500": async (c) => {
    const friends = many(1000);
    await accounts(c, [A, ...friends]);
    await befriend(c, A, friends);
    const r = await add(c, A, ["big"], friends);
    const g = (await groupGet(c, A)).groups.find((x) => x.GroupName === "big");
    return ok(r) && g?.FriendNumber === 1000;
  },
  // docs/sources/tencent-im-rest.md §2.2: FriendNumber 该分组下的好友数量.
  "friend-number-wraps-at-256": async (c) => {
    const friends = many(300);
    await accounts(c, [A, ...friends]);
    await befriend(c, A, friends);
    await add(c, A, ["crowd"], friends);
    const g = (await groupGet(c, A)).groups.find((x) => x.GroupName === "crowd");
    return g?.FriendNumber === 300 && g.To_Account?.length === 300;
  },
};

describe("holdout faults: accounts and sizes", () => {
  it("has a scenario for every fault of the classes", () => {
    expect(Object.keys(KEPT).sort()).toEqual(idsOf("accounts", "sizes"));
  });
  describe.each(Object.entries(KEPT))("%s", (id, kept) => {
    it("the reference keeps the promise", async () => expect(await run({}, kept)).toBe(true));
    it("the fault breaks it", async () => expect(await run({ fault: id }, kept)).toBe(false));
    it(`its neighbour ${neighbourOf(id)} keeps it`, async () =>
      expect(await run({ variant: neighbourOf(id) }, kept)).toBe(true));
  });
});
