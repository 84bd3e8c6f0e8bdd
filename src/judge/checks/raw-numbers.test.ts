import { describe, expect, it } from "vitest";
import type { Exchange } from "../../core/kernel/exchange.js";
import { scanNumbers } from "../../core/kernel/raw-json.js";
import { CHECKS } from "./index.js";

/** An exchange whose answer is exactly `text`, as it came off the wire. */
function answered(
  text: string,
  req: Record<string, unknown> = { From_Account: "id", GroupName: ["g"] },
): Exchange {
  return {
    seq: 1,
    command: "group_add",
    request: { method: "POST", url: "http://t/v4/sns/group_add", headers: {}, body: JSON.stringify(req) },
    response: { status: 200, headers: {}, body: text },
    json: JSON.parse(text),
    ms: 1,
  };
}

const judge = (id: string, ex: Exchange, memory = new Map<string, unknown>()) => {
  const res = ex.json as Record<string, unknown>;
  const req = JSON.parse(ex.request.body) as Record<string, unknown>;
  return CHECKS.find((c) => c.id === id)?.judge?.({ ex, res, req, memory });
};

const ok = (seq: string, code = "0") =>
  `{"CurrentSequence":${seq},"ActionStatus":"OK","ErrorCode":${code},"ErrorInfo":"","ErrorDisplay":""}`;

// Issue 20: integers judged on the raw text (Go and Java refuse 3.0 for an int), and sequences
// compared losslessly (a 64-bit Sequence above 2^53 must still be seen to move).
describe("numbers judged as written", () => {
  it("finds every number literal by its JSON pointer, strings and escapes skipped", () => {
    const m = scanNumbers('{"a":"x\\"1.5","b":[1,2.0,{"c":3e2}],"d":9007199254740993}');
    expect(Object.fromEntries(m ?? [])).toEqual({
      "/b/0": "1",
      "/b/1": "2.0",
      "/b/2/c": "3e2",
      "/d": "9007199254740993",
    });
    expect(scanNumbers("{not json")).toBeUndefined();
  });

  it("fails CurrentSequence written 3.0 and passes 3", () => {
    expect(judge("success-sequence", answered(ok("3.0")))?.ok).toBe(false);
    expect(judge("success-sequence", answered(ok("3")))?.ok).toBe(true);
  });

  it("fails ErrorCode written 0.0 and passes 0", () => {
    expect(judge("envelope-field-types", answered(ok("3", "0.0")))?.ok).toBe(false);
    expect(judge("envelope-field-types", answered(ok("3", "0")))?.ok).toBe(true);
  });

  it("fails a ResultCode written 0e0", () => {
    const text = `{"ResultItem":[{"To_Account":"a","ResultCode":0e0,"ResultInfo":""}],${ok("3").slice(1)}`;
    const ex = answered(text, { From_Account: "id", GroupName: ["g"], To_Account: ["a"] });
    expect(judge("result-item-types", ex)?.ok).toBe(false);
  });

  it("sees a sequence above 2^53 go back, though both parse to the same number", () => {
    const memory = new Map<string, unknown>();
    expect(judge("sequence-never-decreases", answered(ok("9007199254740993")), memory)?.ok).toBe(true);
    const back = judge("sequence-never-decreases", answered(ok("9007199254740992")), memory);
    expect(back?.ok).toBe(false);
    expect(back && !back.ok ? back.actual : "").toBe("9007199254740992");
  });

  it("holds answers of a batch to the sequence from before it, not to each other", () => {
    const memory = new Map<string, unknown>([["seq:id", 5n]]);
    memory.set("batch:id", 5n);
    expect(judge("sequence-never-decreases", answered(ok("8")), memory)?.ok).toBe(true);
    expect(judge("sequence-never-decreases", answered(ok("7")), memory)?.ok).toBe(true);
    expect(judge("sequence-never-decreases", answered(ok("4")), memory)?.ok).toBe(false);
  });
});
