import type { HoldoutFault } from "./holdout.js";

const JSON_TYPE = { "content-type": "application/json; charset=utf-8" };

// A body built with a float formatter (printf "%.1f", a double column): CurrentSequence goes out
// as 3.0, which JSON.stringify never writes, so the text is written here. Go's encoding/json
// refuses 3.0 for an int field (docs/sources/real-clients.md).
export const sequenceWrittenAsFloat = {
  id: "sequence-written-as-float",
  title: "group_add writes CurrentSequence as a decimal (3.0) in the JSON text",
  class: "wire",
  promise: "group_add's CurrentSequence is an Integer in the JSON text.",
  clause: "CurrentSequence | Integer | 返回最新的分组 Sequence",
  source: "https://cloud.tencent.com/document/product/269/10107 (response fields)",
  neighbour: "json-number-spacing",
  rewrite: ({ envelope }) =>
    typeof envelope.CurrentSequence === "number"
      ? {
          status: 200,
          headers: JSON_TYPE,
          body: JSON.stringify(envelope).replace(
            /"CurrentSequence":(-?\d+)(?=[,}])/,
            '"CurrentSequence":$1.0',
          ),
        }
      : envelope,
} satisfies HoldoutFault;
