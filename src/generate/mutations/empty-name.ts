import fc from "fast-check";
import type { Mutation } from "../mutation.js";

export const emptyName = {
  id: "empty-name",
  title: "An empty string among the names",
  breaks: ["name-empty-rejected"],
  mutate: (v) =>
    fc.nat({ max: v.GroupName.length }).map((k) => {
      const names = [...v.GroupName];
      names.splice(k, 0, "");
      return {
        mutation: "empty-name",
        rule: "name-empty-rejected",
        what: `"" at GroupName[${k}]`,
        body: { ...v, GroupName: names },
      };
    }),
} satisfies Mutation;
