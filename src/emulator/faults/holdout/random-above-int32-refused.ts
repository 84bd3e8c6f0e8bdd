import type { HoldoutFault } from "./holdout.js";

// Integer.parseInt in Java (or an int32 column) stops at 2^31-1.
export const randomAboveInt32Refused = {
  id: "random-above-int32-refused",
  title: "random above 2147483647 is refused (60002): it is parsed as a signed 32-bit integer",
  class: "query",
  promise: "Any random from 0 to 4294967295 inclusive is accepted, 4294967295 included.",
  clause: "random | 请输入随机的32位无符号整数,取值范围0 - 4294967295",
  source: "https://cloud.tencent.com/document/product/269/10107 (query parameters)",
  neighbour: "random-out-of-range-refused",
  behaviour: { randomCheck: "int32" },
} satisfies HoldoutFault;
