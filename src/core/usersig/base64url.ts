// TLSSigAPIv2's URL-safe base64 (docs/sources/tencent-im-rest.md §5.1 step 6): standard base64, then
// '+' -> '*', '/' -> '-', '=' -> '_'. It is not RFC 4648 base64url.
export function escapeSig(b64: string): string {
  return b64.replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
}

export function unescapeSig(sig: string): string {
  return sig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
}
