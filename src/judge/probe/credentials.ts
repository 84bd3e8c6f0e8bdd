import { EMULATOR_DEFAULTS } from "../../config/defaults.js";
import type { Settings } from "../../config/settings.js";
import type { Clock } from "../../core/kernel/clock.js";
import { mintUserSig } from "../../core/usersig/sign.js";
import { Redactor } from "../../transport/redact.js";
import type { SigMinter } from "./case.js";

/** Mints UserSigs (when the suite has the key) and registers each with the redactor. */
export function minter(s: Settings, clock: Clock, redactor: Redactor): SigMinter | undefined {
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
export function adminSigSource(s: Settings, clock: Clock, sig: SigMinter | undefined): () => string {
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
export function runRedactor(s: Settings, r = new Redactor()): Redactor {
  if (s.secretKey !== EMULATOR_DEFAULTS.secretKey) r.add(s.secretKey);
  r.add(s.usersig);
  return r;
}
