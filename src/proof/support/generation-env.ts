import { mintUserSig } from "../../core/usersig/sign.js";
import type { Relations } from "../../generate/accounts.js";
import type { MutationEnv } from "../../generate/mutation.js";

/** The fixed world the generator tests run in: a subject's relations, a clock, an admin who signs. */
export const relations: Relations = { friends: ["p_u02", "p_u03"], strangers: ["p_u04"], prefix: "p" };
export const NOW = 1_764_000_000;

const mint = (o: { identifier: string; sdkappid?: number; key?: string; expire?: number; time?: number }) =>
  mintUserSig({
    sdkappid: o.sdkappid ?? 1400000000,
    identifier: o.identifier,
    secretKey: o.key ?? "k",
    expire: o.expire ?? 3600,
    now: o.time ?? NOW,
  });

export const adminSig = mint({ identifier: "admin" });

export const env: MutationEnv = {
  relations,
  adminSig,
  otherUser: "p_u04",
  sig: { sdkappid: 1400000000, admin: "admin", adminSig, now: () => NOW, mint, secret: (derived) => derived },
};

/** The query of a normal call, against which a mutated one is still invalid or not. */
export const normal = {
  sdkappid: "1400000000",
  identifier: "admin",
  usersig: adminSig,
  random: "1",
  contenttype: "json",
};
