import fc from "fast-check";
import type { Mutation } from "../mutation.js";

// No account is named "": it cannot exist (seed: 30003 请求的用户账号不存在).
export const fromAccountEmpty = {
  id: "from-account-empty",
  title: "From_Account is the empty string",
  breaks: ["unknown-from-account"],
  mutate: (v) =>
    fc.constant({
      mutation: "from-account-empty",
      rule: "unknown-from-account",
      what: 'From_Account ""',
      body: { ...v, From_Account: "" },
    }),
} satisfies Mutation;
