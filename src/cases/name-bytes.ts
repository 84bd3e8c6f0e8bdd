import { limits, utf8Bytes } from "../core/contract/limits.js";
import { expectUnchanged, groupAdd } from "../judge/oracles/judging.js";
import { groupsOf } from "../judge/probe/calls.js";
import type { Case } from "./case.js";

// docs/sources/tencent-im-rest.md §1.5 (limits page): 每个分组的名称最长30字节. The EN page says 30 characters,
// so refusing a name of ≤30 characters but >30 bytes is SHOULD, not MUST.
const FITS: Array<[string, string]> = [
  ["30 ASCII bytes", "a".repeat(30)],
  ["10 CJK characters (30 bytes)", "分组名称测试好友列表"],
  ["7 emoji and 2 ASCII (30 bytes)", `${"😀".repeat(7)}ok`],
  ["mixed scripts (30 bytes)", "Grp分组😀ß€x".padEnd(21, "z")],
  ["1 byte", "x"],
];
const OVER_BYTES: Array<[string, string, string]> = [
  ["31 ASCII bytes", "b".repeat(31), "name-30-bytes"],
  ["11 CJK characters (33 bytes)", "分组名称测试好友列表二", "name-bytes-not-chars"],
  ["8 emoji (32 bytes, 8 characters)", "🎉".repeat(8), "name-bytes-not-chars"],
];

export const nameBytes = {
  id: "name-bytes",
  title: "Group names up to 30 UTF-8 bytes in any script are accepted and kept verbatim; longer are refused",
  rules: ["name-30-bytes", "name-bytes-not-chars", "group-add-creates-groups", "failed-call-no-change"],
  async run({ t, pool }) {
    const u = pool.lease();
    const accepted: string[] = [];
    for (const [what, name] of FITS) {
      if (utf8Bytes(name) > limits.maxNameBytes)
        throw new Error(`case bug: ${what} is ${utf8Bytes(name)} bytes`);
      const ex = await groupAdd(t, u, [name]);
      if (t.expectAccepted("name-30-bytes", ex, `a name of ${what}`)) accepted.push(name);
    }
    const view = await groupsOf(t, u);
    const lost = accepted.filter((n) => !view.names.includes(n));
    t.expect(
      "group-add-creates-groups",
      lost.length === 0,
      lost.length
        ? `group_get does not return ${JSON.stringify(lost)} verbatim (has ${JSON.stringify(view.names)})`
        : "non-ASCII names come back verbatim",
      undefined,
      () => ({
        instancePath: "/ResultItem (group_get)",
        expected: `includes ${JSON.stringify(lost)}`,
        actual: JSON.stringify(view.names),
      }),
    );
    let before: typeof view | undefined = view;
    for (const [what, name, rule] of OVER_BYTES) {
      const ex = await groupAdd(t, u, [name]);
      t.expectRefused(rule, ex, `a name of ${what}`);
      before = await expectUnchanged(t, u, before);
    }
  },
} satisfies Case;
