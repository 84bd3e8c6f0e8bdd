import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limits } from "./limits.js";
import { schemasDir } from "./paths.js";
import { ENDPOINTS, isValidRequest, validate } from "./schemas.js";
import { SEED_FULL_RESPONSE, SEED_PLAIN_RESPONSE } from "./seed-examples.js";

// The group_add page's own examples (https://cloud.tencent.com/document/product/269/10107) are the first things the schemas must accept.
const seedPlain = SEED_PLAIN_RESPONSE;
const seedFull = SEED_FULL_RESPONSE;
const fail = { ActionStatus: "FAIL", ErrorCode: 30001, ErrorInfo: "SNS_DECODE_ERR", ErrorDisplay: "" };

describe("group_add schemas", () => {
  it("accept the group_add page's request examples", () => {
    expect(
      isValidRequest("group_add", { From_Account: "id", GroupName: ["group1", "group2", "group3"] }),
    ).toBe(true);
    expect(
      isValidRequest("group_add", {
        From_Account: "id",
        GroupName: ["g1"],
        To_Account: ["id1", "id2", "id3"],
      }),
    ).toBe(true);
  });

  it("accept the group_add page's response examples in the right variant", () => {
    expect(validate("group_add", "successPlain", seedPlain)).toEqual([]);
    expect(validate("group_add", "successWithItems", seedFull)).toEqual([]);
    expect(validate("group_add", "successPlain", seedFull)).not.toEqual([]);
    expect(validate("group_add", "response", fail)).toEqual([]);
  });

  it("count the name limit in UTF-8 bytes, not characters", () => {
    const ok = (name: string) => isValidRequest("group_add", { From_Account: "u", GroupName: [name] });
    expect(ok("a".repeat(30))).toBe(true);
    expect(ok("a".repeat(31))).toBe(false);
    expect(ok("分".repeat(10))).toBe(true); // 30 bytes
    expect(ok("分".repeat(11))).toBe(false); // 33 bytes, 11 characters
    expect(ok(`${"😀".repeat(7)}ab`)).toBe(true); // 28 + 2 bytes
    expect(ok(`${"😀".repeat(7)}abc`)).toBe(false);
    expect(ok("")).toBe(false);
  });

  it("report type errors with the instancePath of the field", () => {
    const r = validate("group_add", "response", { ...seedPlain, CurrentSequence: "2" });
    expect(r).toContainEqual({
      instancePath: "/CurrentSequence",
      keyword: "type",
      message: "must be integer",
    });
    expect(validate("group_add", "response", { ...fail, ActionStatus: "OK" })).not.toEqual([]);
    expect(validate("group_add", "response", { ...seedPlain, ErrorCode: 1 })).not.toEqual([]);
  });

  it("carry the same limits as specs/limits.json", () => {
    const s = JSON.parse(readFileSync(join(schemasDir, "group_add.json"), "utf8"));
    const req = s.$defs.request.properties;
    expect(req.GroupName.maxItems).toBe(limits.maxNamesPerRequest);
    expect(req.To_Account.maxItems).toBe(limits.maxFriendsPerRequest);
    expect(s.$defs.groupName.maxBytes).toBe(limits.maxNameBytes);
  });

  it.each(ENDPOINTS)("compile %s request, success and error definitions", (cmd) => {
    expect(validate(cmd, "error", fail)).toEqual([]);
    expect(validate(cmd, "response", fail)).toEqual([]);
  });
});
