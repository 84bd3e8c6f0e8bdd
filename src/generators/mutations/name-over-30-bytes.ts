import fc from "fast-check";
import { utf8Bytes } from "../../contract/limits.js";
import type { Mutation } from "../mutation.js";
import { longName } from "../name.js";

// reference §1.5: 30 bytes. A name of at most 30 characters is over the limit only when counted
// in bytes (the EN page says characters), so it is judged by the SHOULD rule.
export const nameOver30Bytes = {
  id: "name-over-30-bytes",
  title: "One name of 31 to 40 UTF-8 bytes",
  breaks: ["name-30-bytes", "name-bytes-not-chars"],
  mutate: (v) =>
    fc
      .tuple(fc.nat({ max: v.GroupName.length - 1 }), fc.integer({ min: 31, max: 40 }).chain(longName))
      .map(([k, name]) => {
        const names = [...v.GroupName];
        names[k] = name;
        const chars = [...name].length;
        return {
          mutation: "name-over-30-bytes",
          rule: chars > 30 ? "name-30-bytes" : "name-bytes-not-chars",
          what: `a name of ${utf8Bytes(name)} bytes, ${chars} characters`,
          body: { ...v, GroupName: names },
        };
      }),
} satisfies Mutation;
