import type { SigDoc } from "../core/usersig/sign.js";
import { decodedDocument, type SigResult, verifyUserSig } from "../core/usersig/verify.js";
import type { Behaviour } from "./behaviour.js";
import { fail } from "./envelope.js";
import type { EmuConfig, EmuRequest, Envelope } from "./types.js";

// Codes: docs/sources/tencent-im-rest.md §3.4/§3.5 and the failure-mode table of §5.2.
const SIG_CODES = {
  empty: [70002, "UserSig is empty"],
  undecodable: [70003, "UserSig decode failed"],
  "sdkappid-mismatch": [70014, "sdkappid in request does not match the UserSig"],
  "identifier-mismatch": [70013, "identifier in request does not match the UserSig"],
  expired: [70001, "UserSig expired"],
  // docs/sources/real-clients.md: an npm SDK still signs with the retired v1 and got a bare 70003; say why.
  v1: [
    70003,
    "UserSig decode failed: this is a TLS signature v1 (ECDSA) UserSig, which is retired; sign with TLSSigAPIv2 (HMAC-SHA256, tls-sig-api-v2)",
  ],
  "signature-mismatch": [70009, "UserSig verification failed: signed by another key"],
} as const;

/**
 * Signatures that verified, by (usersig, sdkappid, identifier): verifying is an
 * inflate and an HMAC per call, and clients reuse one signature for hours. Only
 * expiry can change the answer for a cached one, and it is checked on every hit.
 */
export type SigCache = Map<string, SigDoc>;
const SIG_CACHE_MAX = 4096;

function verifyCached(
  cache: SigCache,
  usersig: string,
  sdkappid: number,
  identifier: string,
  cfg: EmuConfig,
  checkExpiry: boolean,
  graceSeconds = 0,
): SigResult {
  const now = checkExpiry ? cfg.now() - graceSeconds : 0;
  const key = `${usersig}\n${sdkappid}\n${identifier}`;
  const hit = cache.get(key);
  if (hit) return now > hit.time + hit.expire ? { ok: false, reason: "expired" } : { ok: true, doc: hit };
  const r = verifyUserSig({ usersig, sdkappid, identifier, secretKey: cfg.secretKey, now });
  if (r.ok) {
    if (cache.size >= SIG_CACHE_MAX) cache.clear();
    cache.set(key, r.doc);
  }
  return r;
}

function signedSdkappid(usersig: string): number | undefined {
  try {
    const doc = JSON.parse(decodedDocument(usersig) ?? "") as Record<string, unknown>;
    return typeof doc["TLS.sdkappid"] === "number" ? doc["TLS.sdkappid"] : undefined;
  } catch {
    return undefined;
  }
}

/** Checks the query parameters of a REST call; returns the error envelope, or undefined to go on. */
export function authenticate(
  req: EmuRequest,
  cfg: EmuConfig,
  b: Behaviour,
  cache: SigCache = new Map(),
): Envelope | undefined {
  const q = req.query;
  if (q.sdkappid === undefined || q.sdkappid === "") return fail(60012, "sdkappid is missing in the URL");
  if (!/^\d+$/.test(q.sdkappid)) return fail(60002, "sdkappid is not a number");
  const sdkappid = Number(q.sdkappid);
  if (b.checkSdkappid && sdkappid !== cfg.sdkappid) return fail(70020, "SDKAppID does not exist");
  let identifier = q.identifier ?? "";
  // A fault: ids compared without letter case (REST-intro: 参数名称及其取值均区分大小写).
  if (b.identifierCaseInsensitive && identifier.toLowerCase() === cfg.identifier.toLowerCase())
    identifier = cfg.identifier;
  if (b.checkSignature) {
    const usersig = q.usersig ?? "";
    // A fault: the SDKAppID inside the UserSig is taken for whatever it says.
    const signedFor = b.checkSigSdkappid ? sdkappid : (signedSdkappid(usersig) ?? sdkappid);
    const r = verifyCached(cache, usersig, signedFor, identifier, cfg, b.checkExpiry, b.expiryGraceSeconds);
    if (!r.ok) {
      const [code, info] = SIG_CODES[r.reason];
      return fail(code, info);
    }
    if (r.doc.expire < b.minSigLifetimeSeconds)
      return fail(70052, "UserSig lifetime is shorter than accepted");
  }
  // REST-intro: identifier 调用 REST API 时必须为 App 管理员账号
  if (b.checkAdmin && identifier !== cfg.identifier) return fail(60010, "identifier is not the App admin");
  return undefined;
}
