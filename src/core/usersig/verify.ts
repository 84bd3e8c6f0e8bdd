import { timingSafeEqual } from "node:crypto";
import { inflateSync } from "node:zlib";
import { unescapeSig } from "./base64url.js";
import { hmacOf, type SigDoc } from "./sign.js";

/**
 * Why a UserSig was refused. Each reason maps to the documented 70xxx code
 * (docs/sources/tencent-im-rest.md §3.5, §5.2) in the emulator, not here: this module only decides.
 */
export type SigFailure =
  | "empty"
  | "undecodable"
  | "sdkappid-mismatch"
  | "identifier-mismatch"
  | "expired"
  | "signature-mismatch"
  /** a retired TLS signature v1 (ECDSA) document: told apart so the answer can say why */
  | "v1";

export type SigResult = { ok: true; doc: SigDoc } | { ok: false; reason: SigFailure };

export interface VerifyInput {
  usersig: string;
  sdkappid: number;
  identifier: string;
  secretKey: string;
  /** Unix seconds */
  now: number;
}

/**
 * The signature document a UserSig decodes to, as text. Two different strings
 * can decode to the same document (unused base64 bits, deflate padding bits):
 * this is what tells whether a changed UserSig is really another one.
 */
export function decodedDocument(usersig: string): string | undefined {
  try {
    return inflateCapped(usersig).toString("utf8");
  } catch {
    return undefined;
  }
}

/**
 * A real signature document is a few hundred bytes; a UserSig that inflates to
 * more is refused as undecodable before it costs memory (a zlib bomb).
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024;
const MAX_USERSIG_CHARS = 8 * 1024;

function inflateCapped(usersig: string): Buffer {
  if (usersig.length > MAX_USERSIG_CHARS) throw new Error("usersig too long");
  return inflateSync(Buffer.from(unescapeSig(usersig), "base64"), { maxOutputLength: MAX_DOCUMENT_BYTES });
}

function decode(usersig: string): Record<string, unknown> | undefined {
  try {
    const raw = inflateCapped(usersig);
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Verifies in the order of the official Go verifier (docs/sources/tencent-im-rest.md §5.1). */
export function verifyUserSig(v: VerifyInput): SigResult {
  if (v.usersig.length === 0) return { ok: false, reason: "empty" };
  const j = decode(v.usersig);
  if (!j) return { ok: false, reason: "undecodable" };
  if (!("TLS.ver" in j) && ("TLS.version" in j || "TLS.sdk_appid" in j || "TLS.appid_at_3rd" in j))
    return { ok: false, reason: "v1" };
  const { "TLS.identifier": id, "TLS.sdkappid": app, "TLS.time": time, "TLS.expire": expire } = j;
  const sig = j["TLS.sig"];
  if (typeof id !== "string" || typeof sig !== "string") return { ok: false, reason: "undecodable" };
  if (!Number.isInteger(app) || !Number.isInteger(time) || !Number.isInteger(expire)) {
    return { ok: false, reason: "undecodable" };
  }
  const doc: SigDoc = {
    identifier: id,
    sdkappid: app as number,
    time: time as number,
    expire: expire as number,
  };
  if (doc.sdkappid !== v.sdkappid) return { ok: false, reason: "sdkappid-mismatch" };
  if (doc.identifier !== v.identifier) return { ok: false, reason: "identifier-mismatch" };
  if (v.now > doc.time + doc.expire) return { ok: false, reason: "expired" };
  const want = Buffer.from(hmacOf(v.secretKey, doc));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) {
    return { ok: false, reason: "signature-mismatch" };
  }
  return { ok: true, doc };
}
