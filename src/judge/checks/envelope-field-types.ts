import { literalAt, writtenAsInteger } from "../../core/kernel/raw-json.js";
import { type ExchangeCheck, failWith, GROUP_ADD, pass } from "./check.js";

// https://cloud.tencent.com/document/product/269/10107 response table: ActionStatus String, ErrorCode Integer, ErrorInfo String, ErrorDisplay String.
// Presence is envelope-json's business; this judges the types of what is there.
const TYPES: Array<[string, (v: unknown) => boolean, string]> = [
  ["ActionStatus", (v) => typeof v === "string", "a string"],
  ["ErrorCode", (v) => Number.isInteger(v), "an integer"],
  ["ErrorInfo", (v) => typeof v === "string", "a string"],
  ["ErrorDisplay", (v) => typeof v === "string", "a string"],
];

export const envelopeFieldTypes = {
  id: "envelope-field-types",
  commands: GROUP_ADD,
  judge: ({ ex, res }) => {
    if (!res) return undefined;
    const wrong = TYPES.filter(([k, ok]) => k in res && !ok(res[k]));
    const [first] = wrong;
    // Judged on the text: 0.0 parses to 0, yet a Go or Java client refuses it for an Integer.
    if (!first && Number.isInteger(res.ErrorCode) && !writtenAsInteger(ex, "/ErrorCode"))
      return failWith(`/ErrorCode is written ${literalAt(ex, "/ErrorCode")}, not as an integer`, {
        instancePath: "/ErrorCode",
        expected: "an integer literal",
        actual: String(literalAt(ex, "/ErrorCode")),
      });
    if (!first) return pass;
    return failWith(
      wrong.map(([k, , want]) => `/${k} is ${JSON.stringify(res[k])}, not ${want}`).join("; "),
      {
        instancePath: `/${first[0]}`,
        expected: first[2],
        actual: JSON.stringify(res[first[0]]),
      },
    );
  },
} satisfies ExchangeCheck;
