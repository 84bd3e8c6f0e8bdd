import fc from "fast-check";
import type { Mutation } from "../mutation.js";

export const dropGroupName = {
  id: "drop-group-name",
  title: "GroupName left out",
  breaks: ["required-fields"],
  mutate: ({ GroupName: _gone, ...rest }) =>
    fc.constant({ mutation: "drop-group-name", rule: "required-fields", what: "no GroupName", body: rest }),
} satisfies Mutation;
