import { validate } from "../../core/contract/schemas.js";
import { literalAt, writtenAsInteger } from "../../core/kernel/raw-json.js";
import { type ExchangeCheck, failWith, GROUP_ADD, isOk, pass, resultItems } from "./check.js";

// seed: ResultItem Array; To_Account String; ResultCode Integer; ResultInfo String; Fail_Account Array
export const resultItemTypes = {
  id: "result-item-types",
  commands: GROUP_ADD,
  judge: ({ ex, res }) => {
    if (!isOk(res) || !res || (!("ResultItem" in res) && !("Fail_Account" in res))) return undefined;
    // Types and presence only: whether Fail_Account may be empty is fail-account-matches' rule.
    const issues = validate("group_add", "success", res).filter(
      (i) =>
        /^\/(ResultItem|Fail_Account)/.test(i.instancePath) &&
        (i.keyword === "type" || i.keyword === "required"),
    );
    // ResultCode is an Integer on the text too (1.0 is not one to a Go or Java client).
    const k = (resultItems(res) ?? []).findIndex(
      (i, n) => Number.isInteger(i.ResultCode) && !writtenAsInteger(ex, `/ResultItem/${n}/ResultCode`),
    );
    if (issues.length === 0 && k >= 0)
      return failWith(
        `/ResultItem/${k}/ResultCode is written ${literalAt(ex, `/ResultItem/${k}/ResultCode`)}`,
        {
          instancePath: `/ResultItem/${k}/ResultCode`,
          expected: "an integer literal",
          actual: String(literalAt(ex, `/ResultItem/${k}/ResultCode`)),
        },
      );
    return issues.length === 0
      ? pass
      : failWith(issues.map((i) => `${i.instancePath} ${i.message}`).join("; "), {
          instancePath: issues[0]?.instancePath ?? "/ResultItem",
          expected: `what schemas/group_add.json says (${issues[0]?.keyword ?? "?"})`,
          actual: issues[0]?.message ?? "",
        });
  },
} satisfies ExchangeCheck;
