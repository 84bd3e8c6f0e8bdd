import { EMULATOR_DEFAULTS } from "../../config/defaults.js";
import type { Settings } from "../../config/settings.js";
import type { Clock } from "../../core/kernel/clock.js";
import { mintUserSig } from "../../core/usersig/sign.js";
import { Redactor } from "../../transport/redact.js";

/** Mints UserSigs for the negative auth cases; absent when only TIM_USERSIG was given. */
export interface SigMinter {
  sdkappid: number;
  admin: string;
  /** the admin UserSig every normal call carries */
  adminSig: string;
  mint(o: { identifier: string; sdkappid?: number; time?: number; expire?: number; key?: string }): string;
  /** registers a string derived from a signature (a tampered copy) as a secret, and returns it */
  secret(derived: string): string;
  now(): number;
}

/** Mints UserSigs (when the suite has the key) and registers each with the redactor. */
/** What minting and redacting credentials read of the settings. */
export type CredentialSettings = Pick<Settings, "sdkappid" | "identifier" | "secretKey" | "usersig"> & {
  live: Pick<Settings["live"], "usersigTtl">;
};

export function minter(s: CredentialSettings, clock: Clock, redactor: Redactor): SigMinter | undefined {
  const key = s.secretKey;
  if (!key) return undefined;
  const mint: SigMinter["mint"] = (o) => {
    const sig = mintUserSig({
      sdkappid: o.sdkappid ?? s.sdkappid,
      identifier: o.identifier,
      secretKey: o.key ?? key,
      expire: o.expire ?? s.live.usersigTtl,
      now: o.time ?? clock.now(),
    });
    redactor.add(sig);
    return sig;
  };
  return {
    sdkappid: s.sdkappid,
    admin: s.identifier,
    adminSig: mint({ identifier: s.identifier }),
    mint,
    secret: (derived) => {
      redactor.add(derived);
      return derived;
    },
    now: () => clock.now(),
  };
}

/**
 * The admin UserSig of every normal call, renewed once 80 % of its lifetime has
 * passed, so long live runs never meet 70001 (UserSig expired). A given
 * TIM_USERSIG is used as it is.
 */
export function adminSigSource(
  s: CredentialSettings,
  clock: Clock,
  sig: SigMinter | undefined,
): () => string {
  if (s.usersig || !sig) {
    const fixed = s.usersig ?? "";
    return () => fixed;
  }
  let current = sig.adminSig;
  let mintedAt = clock.now();
  return () => {
    if (clock.now() - mintedAt >= s.live.usersigTtl * 0.8) {
      current = sig.mint({ identifier: s.identifier });
      mintedAt = clock.now();
    }
    return current;
  };
}

/**
 * The run's redactor, knowing the secrets it was given. The emulator's public
 * development key is no secret: redacting runs of it would garble ordinary
 * words ("tim-conformance-…") in reports and recordings.
 */
export function runRedactor(s: Pick<Settings, "secretKey" | "usersig">, r = new Redactor()): Redactor {
  if (s.secretKey !== EMULATOR_DEFAULTS.secretKey) r.add(s.secretKey);
  r.add(s.usersig);
  return r;
}
