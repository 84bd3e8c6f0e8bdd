import { type Command, ENDPOINTS, validate } from "../contract/schemas.js";
import type { EmuRequest } from "../emulator/types.js";
import type { SigDoc } from "../usersig/sign.js";
import { type SigResult, verifyUserSig } from "../usersig/verify.js";

export interface ClientFinding {
  rule: string;
  ok: boolean;
  message: string;
}

export interface ClientContext {
  sdkappid: number;
  admin: string;
  secretKey: string;
  now: () => number;
  seenRandoms: Set<string>;
  /** signatures that verified, by (usersig, sdkappid, identifier): a hit costs no inflate or HMAC */
  sigs?: Map<string, SigDoc>;
}

/** What a request met when it arrived (the emulator's journal judges it later): its clock and whether its random came before. */
export function seenBefore(
  req: EmuRequest,
  seen: { now: number; reused: boolean },
): Pick<ClientContext, "now" | "seenRandoms"> {
  return {
    now: () => seen.now,
    seenRandoms: new Set(seen.reused ? [req.query.random ?? ""] : []),
  };
}

const SIGS_MAX = 4096;

/** verifyUserSig, remembering what verified: only expiry can change the answer for one already verified. */
function verifyCached(c: ClientContext, usersig: string, sdkappid: number, identifier: string): SigResult {
  const now = c.now();
  const key = `${usersig}\n${sdkappid}\n${identifier}`;
  const hit = c.sigs?.get(key);
  if (hit) return now > hit.time + hit.expire ? { ok: false, reason: "expired" } : { ok: true, doc: hit };
  const r = verifyUserSig({ usersig, sdkappid, identifier, secretKey: c.secretKey, now });
  if (r.ok && c.sigs) {
    if (c.sigs.size >= SIGS_MAX) c.sigs.clear();
    c.sigs.set(key, r.doc);
  }
  return r;
}

/** Judges one request a client sent. OPEN rules come back with ok true and what was seen. */
export function checkClientRequest(req: EmuRequest, c: ClientContext): ClientFinding[] {
  const f: ClientFinding[] = [];
  const add = (rule: string, ok: boolean, message: string) => f.push({ rule, ok, message });
  const q = req.query;
  add("client-method-post", req.method === "POST", req.method);
  // A trailing slash is undocumented either way: reported, never held against the client.
  if (req.path.endsWith("/") && req.path.length > 1) add("client-path-trailing-slash", true, req.path);
  const command = /^\/v4\/(sns|im_open_login_svc)\/(\w+)\/?$/.exec(req.path)?.[2] ?? "";
  const known = (ENDPOINTS as readonly string[]).includes(command);
  add("client-path-known", known, req.path);
  add("client-sdkappid", q.sdkappid === String(c.sdkappid), `sdkappid ${JSON.stringify(q.sdkappid ?? null)}`);
  add(
    "client-identifier-admin",
    q.identifier === c.admin,
    `identifier ${JSON.stringify(q.identifier ?? null)}`,
  );
  const sig = verifyCached(c, q.usersig ?? "", Number(q.sdkappid), q.identifier ?? "");
  add("client-usersig-valid", sig.ok, sig.ok ? "valid" : sig.reason);
  // Left out, contenttype and random are undocumented either way (reported); given, they must be
  // what the docs fix: json exactly (values are case-sensitive), random within 0..4294967295.
  if (q.contenttype === undefined) add("client-contenttype-missing", true, "not sent");
  else
    add("client-contenttype-json", q.contenttype === "json", `contenttype ${JSON.stringify(q.contenttype)}`);
  const random = q.random ?? "";
  if (q.random === undefined) add("client-random-missing", true, "not sent");
  else
    add(
      "client-random-range",
      /^\d+$/.test(random) && Number(random) <= 4294967295,
      `random ${JSON.stringify(q.random)}`,
    );
  add("client-random-reused", true, c.seenRandoms.has(random) ? "reused" : "fresh");
  c.seenRandoms.add(random);
  add("client-content-type-header", true, req.headers["content-type"] ?? "(none)");
  let body: unknown;
  const bom = req.body.charCodeAt(0) === 0xfeff;
  if (bom) add("client-body-bom", true, "a UTF-8 byte order mark before the JSON");
  try {
    body = JSON.parse(bom ? req.body.slice(1) : req.body);
  } catch {
    body = undefined;
  }
  const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
  add(
    "client-body-json",
    isObject,
    isObject ? "JSON object" : `not a JSON object: ${JSON.stringify(req.body.slice(0, 60))}`,
  );
  if (isObject && known) {
    const b = { ...(body as Record<string, unknown>) };
    // Real clients send "To_Account": null for "none": reported as what it is, judged as absent.
    if (b.To_Account === null) {
      add("client-to-account-null", true, "sent");
      delete b.To_Account;
    }
    const issue = validate(command as Command, "request", b)[0];
    add("client-body-schema", !issue, issue ? `${issue.instancePath || "/"} ${issue.message}` : "valid");
  }
  return f;
}
