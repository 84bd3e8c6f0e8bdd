import { describe, expect, it } from "vitest";
import {
  accounts,
  add,
  befriend,
  friendGroups,
  idsOf,
  names,
  neighbourOf,
  ok,
  run,
  type Scenario,
  sameSet,
} from "../../../proof/support/holdout.js";

const A = "alice";

/** One scenario per fault of the class: true when the documented promise is kept. */
const KEPT: Record<string, Scenario> = {
  // https://cloud.tencent.com/document/product/269/10107 GroupName 新增分组列表: the name sent is the name stored.
  "name-markup-escaped": async (c) => {
    await accounts(c, [A]);
    const name = `<b>"Tom" & 'Jerry'</b>`; // 22 bytes
    return ok(await add(c, A, [name])) && (await names(c, A)).includes(name);
  },
  "name-trimmed": async (c) => {
    await accounts(c, [A]);
    return ok(await add(c, A, [" pad "])) && (await names(c, A)).includes(" pad ");
  },
  "name-nfc-normalised": async (c) => {
    await accounts(c, [A]);
    const decomposed = "Cafe\u0301";
    return ok(await add(c, A, [decomposed])) && (await names(c, A)).includes(decomposed);
  },
  "name-case-insensitive-existing": async (c) => {
    await accounts(c, [A]);
    await add(c, A, ["Family"]);
    return ok(await add(c, A, ["family"])) && sameSet(await names(c, A), ["Family", "family"]);
  },
  // limits: 每个分组的名称最长30字节. 8 emoji are 32 bytes; 7 emoji and "ab" are 30.
  "name-limit-astral-as-3-bytes": async (c) => {
    await accounts(c, [A]);
    const long = "😀".repeat(8);
    return !ok(await add(c, A, [long])) && !(await names(c, A)).includes(long);
  },
  "name-limit-astral-as-6-bytes": async (c) => {
    await accounts(c, [A]);
    const exact = `${"😀".repeat(7)}ab`;
    return ok(await add(c, A, [exact])) && (await names(c, A)).includes(exact);
  },
  // docs/sources/tencent-im-rest.md §2.6: Tag_SNS_IM_Group is the array of the friend's group names.
  "friend-groups-split-on-comma": async (c) => {
    await accounts(c, [A, "f1"]);
    await befriend(c, A, ["f1"]);
    await add(c, A, ["zeta", "a,b"], ["f1"]);
    return sameSet(await friendGroups(c, A, "f1"), ["zeta", "a,b"]);
  },
};

describe("holdout faults: names", () => {
  it("has a scenario for every fault of the class", () => {
    expect(Object.keys(KEPT).sort()).toEqual(idsOf("names"));
  });
  describe.each(Object.entries(KEPT))("%s", (id, kept) => {
    it("the reference keeps the promise", async () => expect(await run({}, kept)).toBe(true));
    it("the fault breaks it", async () => expect(await run({ fault: id }, kept)).toBe(false));
    it(`its neighbour ${neighbourOf(id)} keeps it`, async () =>
      expect(await run({ variant: neighbourOf(id) }, kept)).toBe(true));
  });
});
