import { describe, expect, it } from "vitest";
import {
  SEED_FULL_RESPONSE as FULL,
  SEED_PLAIN_RESPONSE as PLAIN,
  SEED_REQUEST as REQ,
} from "../../core/contract/seed-examples.js";
import type { Exchange } from "../../core/kernel/exchange.js";
import { CHECKS } from "./index.js";

/**
 * Every check on a corpus of answers, each differing from the group_add page's by one thing, pinned as a
 * snapshot: a change to what any check says of any of them (verdict or message) shows here. This
 * is what mutation testing (npm run mutation) measures the checks against.
 */
const item = (
  To_Account: unknown,
  ResultCode: unknown,
  ResultInfo: unknown = ResultCode === 0 ? "" : "Err",
) => ({ To_Account, ResultCode, ResultInfo });
const fail = (ErrorCode: unknown, ErrorInfo: unknown = "why", extra: object = {}) => ({
  ActionStatus: "FAIL",
  ErrorCode,
  ErrorInfo,
  ErrorDisplay: "",
  ...extra,
});
const NO_TO = { From_Account: "id", GroupName: ["g"] };
/** `last`: the user's CurrentSequence the check remembers from before this answer (default 2). */
type Row = [
  string,
  unknown,
  unknown,
  { status?: number; command?: string; headers?: Record<string, string>; raw?: string; last?: number }?,
];

const CORPUS: Row[] = [
  ["seed plain", NO_TO, PLAIN],
  ["seed full", REQ, FULL],
  ["full, items reversed", REQ, { ...FULL, ResultItem: [...FULL.ResultItem].reverse() }],
  [
    "full, items rotated",
    REQ,
    { ...FULL, ResultItem: [FULL.ResultItem[1], FULL.ResultItem[2], FULL.ResultItem[0]] },
  ],
  ["full, one item missing", REQ, { ...FULL, ResultItem: FULL.ResultItem.slice(0, 2) }],
  ["full, an extra item", REQ, { ...FULL, ResultItem: [...FULL.ResultItem, item("id9", 0)] }],
  [
    "full, an item for a number",
    REQ,
    { ...FULL, ResultItem: [...FULL.ResultItem.slice(0, 2), item(3, 30002)] },
  ],
  ["full, ResultItem missing", REQ, { ...PLAIN, Fail_Account: ["id2", "id3"] }],
  ["full, ResultItem an object", REQ, { ...FULL, ResultItem: FULL.ResultItem[0] }],
  [
    "full, ResultCode a string",
    REQ,
    { ...FULL, ResultItem: [item("id1", "0"), ...FULL.ResultItem.slice(1)] },
  ],
  [
    "full, ResultInfo on success",
    REQ,
    { ...FULL, ResultItem: [item("id1", 0, "OK"), ...FULL.ResultItem.slice(1)] },
  ],
  [
    "full, ResultInfo a number",
    REQ,
    { ...FULL, ResultItem: [item("id1", 0, 0), ...FULL.ResultItem.slice(1)] },
  ],
  ["full, Fail_Account missing", REQ, { ...FULL, Fail_Account: undefined }],
  ["full, Fail_Account short", REQ, { ...FULL, Fail_Account: ["id2"] }],
  ["full, Fail_Account long", REQ, { ...FULL, Fail_Account: ["id1", "id2", "id3"] }],
  ["full, Fail_Account other", REQ, { ...FULL, Fail_Account: ["id2", "idX"] }],
  ["full, Fail_Account null", REQ, { ...FULL, Fail_Account: null }],
  ["full, Fail_Account a string", REQ, { ...FULL, Fail_Account: "id2" }],
  [
    "all friends, Fail_Account []",
    REQ,
    { ...PLAIN, ResultItem: [item("id1", 0), item("id2", 0), item("id3", 0)], Fail_Account: [] },
  ],
  ["all friends", REQ, { ...PLAIN, ResultItem: [item("id1", 0), item("id2", 0), item("id3", 0)] }],
  [
    "two accounts, one friend",
    { ...REQ, To_Account: ["a", "b"] },
    { ...PLAIN, ResultItem: [item("a", 0), item("b", 32216)], Fail_Account: ["b"] },
  ],
  ["repeated To_Account", { ...REQ, To_Account: ["a", "a"] }, { ...PLAIN, ResultItem: [item("a", 0)] }],
  [
    "To_Account of numbers",
    { ...REQ, To_Account: [1, 2] },
    { ...PLAIN, ResultItem: [item(1, 0), item(2, 0)] },
  ],
  ["To_Account empty", { ...REQ, To_Account: [] }, { ...PLAIN, ResultItem: [] }],
  ["CurrentSequence missing", NO_TO, { ...PLAIN, CurrentSequence: undefined }],
  ["CurrentSequence a string", NO_TO, { ...PLAIN, CurrentSequence: "2" }],
  ["CurrentSequence a fraction", NO_TO, { ...PLAIN, CurrentSequence: 2.5 }],
  ["sequence back to 1", NO_TO, { ...PLAIN, CurrentSequence: 1 }],
  ["sequence on for another user", { ...NO_TO, From_Account: "other" }, { ...PLAIN, CurrentSequence: 1 }],
  ["group_get sequence", NO_TO, { ...PLAIN, CurrentSequence: 7, ResultItem: [] }, { command: "group_get" }],
  ["group_delete going back", NO_TO, { ...PLAIN, CurrentSequence: 6 }, { command: "group_delete", last: 7 }],
  ["a documented failure", NO_TO, fail(30001)],
  ["a public-range failure", NO_TO, fail(70001)],
  ["an undocumented failure", NO_TO, fail(12345)],
  ["a 90xxx failure", NO_TO, fail(90001)],
  ["failure, empty ErrorInfo", NO_TO, fail(70032, "")],
  ["failure, blank ErrorInfo", NO_TO, fail(30001, "  ")],
  ["failure, no ErrorInfo", NO_TO, { ActionStatus: "FAIL", ErrorCode: 30001 }],
  ["failure, ErrorCode a string", NO_TO, fail("30001")],
  ["failure, no ErrorCode", NO_TO, { ActionStatus: "FAIL", ErrorInfo: "x" }],
  ["OK with a code", NO_TO, { ...PLAIN, ErrorCode: 30001 }],
  ["FAIL with 0", NO_TO, fail(0)],
  ["ActionStatus lower case", NO_TO, { ...PLAIN, ActionStatus: "ok" }],
  ["ActionStatus a number", NO_TO, { ...PLAIN, ActionStatus: 1 }],
  ["ErrorInfo a number", NO_TO, { ...PLAIN, ErrorInfo: 0 }],
  ["ErrorDisplay null", NO_TO, { ...PLAIN, ErrorDisplay: null }],
  ["ErrorDisplay missing", NO_TO, { ...PLAIN, ErrorDisplay: undefined }],
  ["ErrorInfo 0 on success", NO_TO, { ...PLAIN, ErrorInfo: "0" }],
  ["extra fields", NO_TO, { ...PLAIN, RequestId: "Id-1", Zeta: 1 }],
  ["HTTP 500 with an envelope", NO_TO, fail(30001), { status: 500 }],
  ["HTTP 200, HTML", NO_TO, undefined, { raw: "<html>Service Unavailable</html>" }],
  ["HTTP 200, empty", NO_TO, undefined, { raw: "" }],
  ["a JSON array", NO_TO, [PLAIN]],
  ["a JSON string", NO_TO, "OK"],
  ["no content type", NO_TO, PLAIN, { headers: {} }],
  [
    "one item replaced by another account",
    REQ,
    {
      ...FULL,
      ResultItem: [...FULL.ResultItem.slice(0, 2), item("idX", 30002)],
      Fail_Account: ["id2", "idX"],
    },
  ],
  [
    "an item without ResultCode",
    REQ,
    { ...FULL, ResultItem: [{ To_Account: "id1", ResultInfo: "" }, ...FULL.ResultItem.slice(1)] },
  ],
  ["ResultItem with a string in it", REQ, { ...FULL, ResultItem: [...FULL.ResultItem, "id4"] }],
  [
    "To_Account with a number in it",
    { ...REQ, To_Account: ["id1", 2] },
    { ...PLAIN, ResultItem: [item("id1", 0)] },
  ],
  [
    "six accounts missing",
    { ...REQ, To_Account: ["a", "b", "c", "d", "e", "f", "g"] },
    { ...PLAIN, ResultItem: [item("a", 0)] },
  ],
  [
    "six Fail_Account differences",
    { ...REQ, To_Account: ["a", "b", "c", "d", "e", "f", "g"] },
    {
      ...PLAIN,
      ResultItem: ["a", "b", "c", "d", "e", "f", "g"].map((a) => item(a, 30001)),
      Fail_Account: ["a"],
    },
  ],
  ["a From_Account that is not a string", { ...NO_TO, From_Account: 5 }, { ...PLAIN, CurrentSequence: 1 }],
  ["the same sequence again", NO_TO, PLAIN, { last: 2 }],
  ["CurrentSequence and ResultItem both broken", REQ, { ...FULL, CurrentSequence: "x" }],
  ["JSON content type", NO_TO, PLAIN, { headers: { "content-type": "application/json" } }],
];

/** A call that got no answer at all (reset, timeout): checks that read the answer stay silent. */
const NO_ANSWER: Exchange = {
  seq: 1,
  command: "group_add",
  request: { method: "POST", url: "http://t/v4/sns/group_add?usersig=[REDACTED]", headers: {}, body: "{}" },
  error: { code: "TIM_ERR_TRANSPORT", message: "reset" },
  ms: 1,
};

function exchangeOf(req: unknown, res: unknown, o: Row[3] = {}): Exchange {
  const body = o.raw ?? JSON.stringify(res) ?? "";
  return {
    seq: 1,
    command: o.command ?? "group_add",
    request: {
      method: "POST",
      url: "http://t/v4/sns/group_add?usersig=[REDACTED]",
      headers: {},
      body: JSON.stringify(req),
    },
    response: { status: o.status ?? 200, headers: o.headers ?? { "content-type": "application/json" }, body },
    ...(o.raw === undefined ? { json: JSON.parse(body === "" ? "null" : body) as unknown } : {}),
    ms: 1,
  };
}

describe("every check on the corpus", () => {
  it("says what the snapshot says (verdict and message, or observation) for every answer", () => {
    const said: Record<string, Record<string, string>> = {};
    for (const [name, req, res, o] of CORPUS) {
      const memory = new Map<string, unknown>([["seq:id", o?.last ?? 2]]);
      const ex = exchangeOf(req, res, o);
      const body =
        typeof ex.json === "object" && ex.json !== null && !Array.isArray(ex.json)
          ? (ex.json as Record<string, unknown>)
          : undefined;
      const row: Record<string, string> = {};
      for (const c of CHECKS) {
        if (!c.commands.includes(ex.command)) continue;
        const input = { ex, res: body, req: req as Record<string, unknown>, memory };
        const j = c.judge?.(input);
        if (j) row[c.id] = j.ok ? "pass" : `FAIL: ${j.message}`;
        const seen = c.observe?.(input);
        if (seen !== undefined) row[c.id] = `seen: ${seen}`;
      }
      said[name] = row;
    }
    const silent = CHECKS.map((c) => [
      c.id,
      c.judge?.({ ex: NO_ANSWER, res: undefined, req: NO_TO, memory: new Map() }),
      c.observe?.({ ex: NO_ANSWER, res: undefined, req: NO_TO, memory: new Map() }),
    ]);
    expect(silent.filter(([, j, o]) => j !== undefined || o !== undefined)).toEqual([]);
    expect(said).toMatchSnapshot();
  });
});
