import { code } from "../core/contract/codes.js";
import { errorCode } from "../core/kernel/exchange.js";
import { groupAdd } from "../judge/oracles/judging.js";
import { itemsOf } from "../judge/probe/view.js";
import type { Case } from "./case.js";

/** https://cloud.tencent.com/document/product/269/10107 错误码: 30003 请求的用户账号不存在 (specs/error-codes.json) */
const NOT_FOUND = code("ERR_SVR_FRIENDSHIP_ACCOUNT_NOT_FOUND");

// seed: 30003 请求的用户账号不存在. Ids are case-sensitive (REST-intro: 参数名称及其取值均区分大小写),
// so an existing account's id in other letters is another, unknown account: the condition's edge.
export const unknownFromAccount = {
  id: "unknown-from-account",
  title: "A From_Account never imported, or an existing id in other letters, is refused with 30003",
  covers: ["from-unknown", "from-case-variant"],
  rules: ["unknown-from-account", "documented-code-for-condition"],
  groupAddOnly: true,
  async run({ t, pool, declared }) {
    const tries: Array<[string, string]> = [[await pool.ghost(t), "an account never imported"]];
    if (!declared) {
      const upper = pool.lease().toUpperCase();
      const check = await t.fixture("account_check", { CheckItem: [{ UserID: upper }] });
      if (itemsOf(check.ResultItem)[0]?.AccountStatus === "NotImported")
        tries.push([upper, "an existing account's id in upper case"]);
    }
    for (const [from, what] of tries) {
      const ex = await groupAdd(t, from, ["g"]);
      // A code of the wrong type is envelope-field-types' to blame: which code it meant is unknowable.
      if (
        t.expectRefused("unknown-from-account", ex, `group_add for ${what}`) &&
        errorCode(ex) !== undefined
      ) {
        const c = errorCode(ex);
        t.expect(
          "documented-code-for-condition",
          c === NOT_FOUND,
          `unknown From_Account (${what}) answered ${c} (the group_add page's table: ${NOT_FOUND})`,
          ex,
          () => ({ instancePath: "/ErrorCode", expected: String(NOT_FOUND), actual: String(c) }),
        );
      }
    }
  },
} satisfies Case;
