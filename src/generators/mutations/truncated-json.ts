import fc from "fast-check";
import type { Mutation } from "../mutation.js";

export default {
  id: "truncated-json",
  title: "The JSON body cut short",
  mutate: (v) => {
    const text = JSON.stringify(v);
    return fc.integer({ min: 1, max: text.length - 1 }).map((cut) => ({
      mutation: "truncated-json",
      rule: "malformed-body-rejected",
      what: `body cut at ${cut} of ${text.length} characters`,
      raw: text.slice(0, cut),
    }));
  },
} satisfies Mutation;
