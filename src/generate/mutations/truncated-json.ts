import fc from "fast-check";
import type { Mutation } from "../mutation.js";

// Cut between code points: a cut inside a surrogate pair would send U+FFFD, not what the case says.
export const truncatedJson = {
  id: "truncated-json",
  title: "The JSON body cut short",
  breaks: ["malformed-body-rejected"],
  mutate: (v) => {
    const points = [...JSON.stringify(v)];
    return fc.integer({ min: 1, max: points.length - 1 }).map((cut) => ({
      mutation: "truncated-json",
      rule: "malformed-body-rejected",
      what: `body cut at ${cut} of ${points.length} characters`,
      raw: points.slice(0, cut).join(""),
    }));
  },
} satisfies Mutation;
