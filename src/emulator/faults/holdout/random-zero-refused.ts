import type { HoldoutFault } from "./holdout.js";

// if (!Number(random)) reject: 0 is falsy.
export const randomZeroRefused = {
  id: "random-zero-refused",
  title: "random=0 is refused (60002): the check is a truthiness test",
  class: "query",
  promise: "Any random from 0 to 4294967295 inclusive is accepted.",
  clause: "random | 请输入随机的32位无符号整数,取值范围0 - 4294967295",
  source: "https://cloud.tencent.com/document/product/269/10107 (query parameters)",
  neighbour: "random-out-of-range-refused",
  behaviour: { randomCheck: "truthy" },
} satisfies HoldoutFault;
