import fc from "fast-check";
import type { Mutation } from "../mutation.js";

// https://cloud.tencent.com/document/product/269/10107: 单次请求的好友数不得超过1000: exactly one past the limit.
export const friends1001 = {
  id: "friends-1001",
  title: "1001 To_Account entries",
  breaks: ["friends-per-request-1000"],
  mutate: (v, env) =>
    fc.constant(null).map(() => {
      const to = [...(v.To_Account ?? [])];
      for (let k = 1; to.length < 1001; k++) {
        const id = `${env.relations.prefix}_y${k}`;
        if (!to.includes(id)) to.push(id);
      }
      return {
        mutation: "friends-1001",
        rule: "friends-per-request-1000",
        what: "1001 To_Account entries",
        body: { ...v, To_Account: to },
      };
    }),
} satisfies Mutation;
