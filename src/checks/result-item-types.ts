import { validate } from "../contract/schemas.js";
import { type ExchangeCheck, failWith, GROUP_ADD, isOk, pass } from "./check.js";

// seed: ResultItem Array; To_Account String; ResultCode Integer; ResultInfo String; Fail_Account Array
export const resultItemTypes = {
  id: "result-item-types",
  commands: GROUP_ADD,
  judge: ({ res }) => {
    if (!isOk(res) || !res || (!("ResultItem" in res) && !("Fail_Account" in res))) return undefined;
    // Types and presence only: whether Fail_Account may be empty is fail-account-matches' rule.
    const issues = validate("group_add", "success", res).filter(
      (i) =>
        /^\/(ResultItem|Fail_Account)/.test(i.instancePath) &&
        (i.keyword === "type" || i.keyword === "required"),
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
