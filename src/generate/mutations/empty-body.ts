import fc from "fast-check";
import type { Mutation } from "../mutation.js";

// REST-intro: POST 包体不能为空
export const emptyBody = {
  id: "empty-body",
  title: "An empty body",
  breaks: ["malformed-body-rejected"],
  mutate: () =>
    fc.constant({ mutation: "empty-body", rule: "malformed-body-rejected", what: "empty body", raw: "" }),
} satisfies Mutation;
