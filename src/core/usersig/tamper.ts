import { deflateSync, inflateSync } from "node:zlib";
import { escapeSig, unescapeSig } from "./base64url.js";

/**
 * A UserSig that still decodes to a well-formed signature document, with one
 * character of its HMAC (TLS.sig) changed: the edge of "bad signature" that a
 * verifier only catches by recomputing the HMAC (docs/sources/tencent-im-rest.md §5.1).
 */
export function withChangedHmac(usersig: string): string {
  const doc = JSON.parse(inflateSync(Buffer.from(unescapeSig(usersig), "base64")).toString("utf8")) as Record<
    string,
    unknown
  >;
  const sig = String(doc["TLS.sig"]);
  const k = Math.floor(sig.length / 3);
  doc["TLS.sig"] = `${sig.slice(0, k)}${sig[k] === "A" ? "B" : "A"}${sig.slice(k + 1)}`;
  return escapeSig(deflateSync(Buffer.from(JSON.stringify(doc))).toString("base64"));
}
