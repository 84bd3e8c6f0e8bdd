import { createHmac } from "node:crypto";
import { deflateSync } from "node:zlib";
import { escapeSig } from "./base64url.js";

/** Fields of a TLS 2.0 signature document (docs/sources/tencent-im-rest.md §5.1 step 4). */
export interface SigDoc {
  identifier: string;
  sdkappid: number;
  time: number;
  expire: number;
}

/** The exact string HMAC-SHA256 is computed over (docs/sources/tencent-im-rest.md §5.1 step 2). */
export function contentToSign(d: SigDoc): string {
  return `TLS.identifier:${d.identifier}\nTLS.sdkappid:${d.sdkappid}\nTLS.time:${d.time}\nTLS.expire:${d.expire}\n`;
}

export function hmacOf(secretKey: string, d: SigDoc): string {
  return createHmac("sha256", secretKey).update(contentToSign(d)).digest("base64");
}

export interface MintOptions {
  sdkappid: number;
  secretKey: string;
  identifier: string;
  /** validity in seconds */
  expire: number;
  /** Unix seconds; injected so a seed and a clock replay a run exactly */
  now: number;
}

/** Mints a UserSig the way the official tls-sig-api-v2 packages do. */
// Key order follows the official Node package so outputs compare byte for byte.
export function mintUserSig(o: MintOptions): string {
  const d: SigDoc = { identifier: o.identifier, sdkappid: o.sdkappid, time: o.now, expire: o.expire };
  const doc = {
    "TLS.ver": "2.0",
    "TLS.identifier": d.identifier,
    "TLS.sdkappid": d.sdkappid,
    "TLS.time": d.time,
    "TLS.expire": d.expire,
    "TLS.sig": hmacOf(o.secretKey, d),
  };
  return escapeSig(deflateSync(Buffer.from(JSON.stringify(doc))).toString("base64"));
}
