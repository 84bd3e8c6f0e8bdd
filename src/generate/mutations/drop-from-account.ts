import fc from "fast-check";
import type { Mutation } from "../mutation.js";

export const dropFromAccount = {
  id: "drop-from-account",
  title: "From_Account left out",
  breaks: ["required-fields"],
  mutate: ({ From_Account: _gone, ...rest }) =>
    fc.constant({
      mutation: "drop-from-account",
      rule: "required-fields",
      what: "no From_Account",
      body: rest,
    }),
} satisfies Mutation;
