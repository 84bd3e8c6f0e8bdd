import { verifyUserSig } from "../usersig/verify.js";
import type { Behaviour } from "./behaviour.js";
import { fail } from "./envelope.js";
import type { EmuConfig, EmuRequest, Envelope } from "./types.js";

// Codes: reference §3.4/§3.5 and the failure-mode table of §5.2.
const SIG_CODES = {
  empty: [70002, "UserSig is empty"],
  undecodable: [70003, "UserSig decode failed"],
  "sdkappid-mismatch": [70014, "sdkappid in request does not match the UserSig"],
  "identifier-mismatch": [70013, "identifier in request does not match the UserSig"],
  expired: [70001, "UserSig expired"],
  "signature-mismatch": [70009, "UserSig verification failed: signed by another key"],
} as const;

/** Checks the query parameters of a REST call; returns the error envelope, or undefined to go on. */
export function authenticate(req: EmuRequest, cfg: EmuConfig, b: Behaviour): Envelope | undefined {
  const q = req.query;
  if (q.sdkappid === undefined || q.sdkappid === "") return fail(60012, "sdkappid is missing in the URL");
  if (!/^\d+$/.test(q.sdkappid)) return fail(60002, "sdkappid is not a number");
  const sdkappid = Number(q.sdkappid);
  if (b.checkSdkappid && sdkappid !== cfg.sdkappid) return fail(70020, "SDKAppID does not exist");
  const identifier = q.identifier ?? "";
  if (b.checkSignature) {
    const r = verifyUserSig({
      usersig: q.usersig ?? "",
      sdkappid,
      identifier,
      secretKey: cfg.secretKey,
      now: b.checkExpiry ? cfg.now() : 0,
    });
    if (!r.ok) {
      const [code, info] = SIG_CODES[r.reason];
      return fail(code, info);
    }
  }
  // REST-intro: identifier 调用 REST API 时必须为 App 管理员账号
  if (b.checkAdmin && identifier !== cfg.identifier) return fail(60010, "identifier is not the App admin");
  return undefined;
}
