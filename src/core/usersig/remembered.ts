import { type SigResult, type VerifyInput, verifyUserSig } from "./verify.js";

/**
 * UserSig verification remembered per signature (clients reuse one for its lifetime): an inflate and
 * an HMAC-SHA256 per request were the client judge's largest cost (issue 25's profile). A hit is
 * checked against the clock again, so an expired signature is still judged expired; only what
 * verified is remembered, so a bad signature is judged afresh every time.
 */
export function rememberedVerify(max = 1024): (v: VerifyInput) => SigResult {
  const good = new Map<string, Extract<SigResult, { ok: true }>>();
  return (v) => {
    const key = `${v.sdkappid}\n${v.identifier}\n${v.secretKey}\n${v.usersig}`;
    const hit = good.get(key);
    if (hit) return v.now > hit.doc.time + hit.doc.expire ? { ok: false, reason: "expired" } : hit;
    const r = verifyUserSig(v);
    if (r.ok) {
      if (good.size >= max) good.clear();
      good.set(key, r);
    }
    return r;
  };
}
