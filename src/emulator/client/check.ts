import { type Command, ENDPOINTS, validate } from "../../core/contract/schemas.js";
import { type SigResult, type VerifyInput, verifyUserSig } from "../../core/usersig/verify.js";
import type { EmuRequest } from "../types.js";

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
  /** verifies a UserSig; a caller that judges many requests with one may remember the results */
  verify?: (v: VerifyInput) => SigResult;
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
  const sig = (c.verify ?? verifyUserSig)({
    usersig: q.usersig ?? "",
    sdkappid: Number(q.sdkappid),
    identifier: q.identifier ?? "",
    secretKey: c.secretKey,
    now: c.now(),
  });
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
  // Issue 22: an absent random was "reused" from the second request on. Only a sent one can be.
  if (q.random !== undefined) {
    add("client-random-reused", true, c.seenRandoms.has(random) ? "reused" : "fresh");
    c.seenRandoms.add(random);
  }
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
    // Real clients send null for "none" ("To_Account": null in group_add, "GroupName": null in a
    // friend_import item): reported as what it is, and judged as the field left out, the one shape
    // treated one way wherever it appears (issue 22). A required field sent as null is then missing.
    const nulls: string[] = [];
    const b = withoutNulls(body, "", nulls);
    if (nulls.length) add("client-optional-null", true, nulls.join(", "));
    const issue = validate(command as Command, "request", b)[0];
    const sentNull = issue && nulls.some((n) => issue.message.includes(`'${n.split("/").at(-1)}'`));
    add(
      "client-body-schema",
      !issue,
      issue
        ? `${issue.instancePath || "/"} ${issue.message}${sentNull ? " (it was sent as null)" : ""}`
        : "valid",
    );
  }
  return f;
}

/** A copy of `v` without its null-valued object fields, their JSON pointers added to `found`. */
function withoutNulls(v: unknown, at: string, found: string[]): unknown {
  if (Array.isArray(v)) return v.map((x, k) => withoutNulls(x, `${at}/${k}`, found));
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null) found.push(`${at}/${k}`);
    else out[k] = withoutNulls(x, `${at}/${k}`, found);
  }
  return out;
}
