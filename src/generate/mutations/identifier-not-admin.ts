import fc from "fast-check";
import type { Mutation } from "../mutation.js";

// REST-intro: identifier 必须为 App 管理员账号. With the admin's signature the identifier does not
// match it (auth-usersig); with the user's own valid signature the user is simply not the admin.
export const identifierNotAdmin = {
  id: "identifier-not-admin",
  title: "identifier of a user who is not the App admin",
  breaks: ["auth-admin-only", "auth-usersig"],
  needsKey: true,
  mutate: (v, env) =>
    fc.boolean().map((ownSig) =>
      ownSig && env.sig
        ? {
            mutation: "identifier-not-admin",
            rule: "auth-admin-only",
            what: `identifier ${env.otherUser} with its own usersig`,
            body: v,
            query: { identifier: env.otherUser, usersig: env.sig.mint({ identifier: env.otherUser }) },
          }
        : {
            mutation: "identifier-not-admin",
            rule: "auth-usersig",
            what: `identifier ${env.otherUser} with the admin's usersig`,
            body: v,
            query: { identifier: env.otherUser },
          },
    ),
} satisfies Mutation;
