import fc from "fast-check";
import { nameClasses } from "../../core/contract/classify-names.js";
import { classById } from "../../core/contract/domain.js";
import { utf8Bytes } from "../../core/contract/limits.js";
import type { Mutation } from "../mutation.js";
import { OVER_LIMIT, overLimitName } from "../name.js";

// docs/sources/tencent-im-rest.md §1.5: 30 bytes. A name over 30 characters too is over the limit however it is counted
// (MUST); one of at most 30 characters is over only when counted in bytes (the EN page says
// characters), so it is judged by the SHOULD rule. Names come from the domain's over-limit classes.
export const nameOver30Bytes = {
  id: "name-over-30-bytes",
  title: "One name over 30 UTF-8 bytes, byte 30 falling inside a character of every width or between two",
  breaks: ["name-30-bytes", "name-bytes-not-chars"],
  mutate: (v) =>
    fc.tuple(fc.nat({ max: v.GroupName.length - 1 }), overLimitName()).map(([k, name]) => {
      const names = [...v.GroupName];
      names[k] = name;
      const cls = nameClasses(name).find((c) => OVER_LIMIT.includes(c)) ?? "name-over-on-boundary";
      return {
        mutation: "name-over-30-bytes",
        rule: classById(cls).rule,
        what: `a name of ${utf8Bytes(name)} bytes, ${[...name].length} characters (${cls})`,
        body: { ...v, GroupName: names },
      };
    }),
} satisfies Mutation;
