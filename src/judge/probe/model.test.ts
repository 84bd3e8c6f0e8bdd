import { describe, expect, it } from "vitest";
import type { Exchange } from "../../core/kernel/exchange.js";
import { compare, compareFriendSide } from "./compare.js";
import { AccountModel } from "./model.js";
import type { GroupView } from "./view.js";

let seq = 0;
const answer = (command: string, json: unknown): Exchange => ({
  seq: ++seq,
  command,
  request: { method: "POST", url: "", headers: {}, body: "" },
  response: { status: 200, headers: {}, body: JSON.stringify(json) },
  json,
  ms: 1,
});
const OK = { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" };
const FAIL = (code: number) => ({ ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: "x" });
const view = (groups: Record<string, string[]>): GroupView => ({
  names: Object.keys(groups),
  members: new Map(Object.entries(groups)),
  counts: new Map(Object.entries(groups).map(([g, m]) => [g, m.length])),
  seq: undefined,
});

/** u knows f as a friend and s as none, holds "old", and has been read once. */
function world(): AccountModel {
  const m = new AccountModel();
  m.apply(
    "multiaccount_import",
    { AccountList: [{ UserID: "u" }, { UserID: "f" }, { UserID: "s" }] },
    answer("multiaccount_import", OK),
  );
  m.apply(
    "friend_delete",
    { From_Account: "u", To_Account: ["s"], DeleteType: "Delete_Type_Both" },
    answer("friend_delete", { ...OK, ResultItem: [{ To_Account: "s", ResultCode: 31704 }] }),
  );
  m.apply(
    "friend_import",
    { From_Account: "u", AddFriendItem: [{ To_Account: "f" }] },
    answer("friend_import", { ...OK, ResultItem: [{ To_Account: "f", ResultCode: 0 }] }),
  );
  m.adopt("u", view({ old: [] }));
  return m;
}
const add = (m: AccountModel, body: Record<string, unknown>, res: unknown, invalid = false) =>
  m.apply("group_add", { From_Account: "u", ...body }, answer("group_add", res), undefined, invalid);
const rules = (m: AccountModel, v: GroupView) => compare(m.state("u"), v, 32).map((d) => d.rule);

// Issue 20: the whole-effect oracle, on its own: the judge's model of the accounts it touches.
describe("the model of an account, and what a read back must show", () => {
  it("expects an accepted group_add's new names, its friends in them and nobody else", () => {
    const m = world();
    add(m, { GroupName: ["g"], To_Account: ["f", "s"] }, OK);
    expect(rules(m, view({ old: [], g: ["f"] }))).toEqual([]);
    expect(rules(m, view({ old: [] }))).toEqual(["group-add-creates-groups"]);
    expect(rules(m, view({ old: [], g: [] }))).toEqual(["group-add-places-friends"]);
    expect(rules(m, view({ old: [], g: ["f", "s"] }))).toEqual(["not-friend-fails-item"]);
    expect(rules(m, view({ old: [], g: ["f"], " g": [] }))).toEqual(["group-add-creates-groups"]);
    expect(rules(m, view({ g: ["f"] }))).toEqual(["state-matches-calls"]);
  });

  it("leaves a name the user has as it was, friends included", () => {
    const m = world();
    add(m, { GroupName: ["old", "new"], To_Account: ["f"] }, OK);
    expect(rules(m, view({ old: [], new: ["f"] }))).toEqual([]);
    expect(rules(m, view({ old: ["f"], new: ["f"] }))).toEqual(["state-matches-calls"]);
  });

  it("holds a refused call to having changed nothing, unless it asked for a retry", () => {
    const m = world();
    add(m, { GroupName: ["r"] }, FAIL(30011));
    expect(rules(m, view({ old: [], r: [] }))).toEqual(["failed-call-no-change"]);
    expect(rules(m, view({}))).toEqual(["state-matches-calls"]);
    const t = world();
    add(t, { GroupName: ["r"] }, FAIL(30006));
    expect(t.state("u").groups).toBeUndefined();
  });

  it("forgets what an invalid call it saw accepted did (its own rule blames the acceptance)", () => {
    const m = world();
    m.apply("group_add", { From_Account: ["u"], GroupName: ["x"] }, answer("group_add", OK), undefined, true);
    expect(m.state("u").groups).toBeUndefined();
  });

  it("expects names group_delete removed to be gone", () => {
    const m = world();
    m.apply("group_delete", { From_Account: "u", GroupName: ["old"] }, answer("group_delete", OK));
    expect(rules(m, view({}))).toEqual([]);
    expect(rules(m, view({ old: [] }))).toEqual(["group-delete-removes"]);
  });

  it("sees members both ways: friend_get_list's groups of each friend", () => {
    const m = world();
    add(m, { GroupName: ["a,b"], To_Account: ["f"] }, OK);
    const want = m.friendSide("u");
    const created = new Set(["a,b"]);
    expect(compareFriendSide(want, new Map([["f", ["a,b"]]]), created)).toEqual([]);
    expect(compareFriendSide(want, new Map([["f", ["a", "b"]]]), created).map((d) => d.rule)).toEqual([
      "group-add-places-friends",
      "state-matches-calls",
    ]);
  });

  it("finds a FriendNumber that is not the count of members listed", () => {
    const m = world();
    const v = view({ old: [] });
    v.counts.set("old", 3);
    expect(rules(m, v)).toEqual(["state-matches-calls"]);
  });
});
