import fc from "fast-check";
import type { Mutation } from "../mutation.js";

// https://cloud.tencent.com/document/product/269/10107: 单次请求的分组数不得超过32: exactly one past the limit.
export const names33 = {
  id: "names-33",
  title: "33 names in one request",
  breaks: ["names-per-request-32"],
  mutate: (v) =>
    fc.constant(null).map(() => {
      const names = [...v.GroupName];
      for (let k = 0; names.length < 33; k++) if (!names.includes(`extra${k}`)) names.push(`extra${k}`);
      return {
        mutation: "names-33",
        rule: "names-per-request-32",
        what: "33 names",
        body: { ...v, GroupName: names },
      };
    }),
} satisfies Mutation;
