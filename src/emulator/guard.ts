import { timingSafeEqual } from "node:crypto";
import type { EmuRequest, EmuResponse } from "./types.js";

/** Who may use the control API: the names it answers to, and the per-start token. */
export interface ControlGuard {
  /** host[:port] values the Host header may carry, lower case */
  hosts: ReadonlySet<string>;
  token: string;
}

/** The names a loopback listener answers to, each with and without its port; plus the user's. */
export function guardFor(
  address: string,
  port: number,
  allowed: readonly string[],
  token: string,
): ControlGuard {
  const names = new Set([
    "127.0.0.1",
    "localhost",
    "[::1]",
    address.includes(":") ? `[${address}]` : address,
  ]);
  for (const a of allowed) names.add(a.toLowerCase());
  const hosts = new Set<string>();
  for (const n of names) {
    hosts.add(n);
    hosts.add(`${n}:${port}`);
  }
  return { hosts, token };
}

const refuse = (why: string): EmuResponse => ({
  status: 403,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ error: `control API: ${why}` }),
});

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function sameToken(got: string, want: string): boolean {
  const a = Buffer.from(got);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a control request is refused, or undefined. A web page can reach a loopback port: a foreign
 * Host is DNS rebinding (the page's own origin then points at the emulator), an Origin or
 * Sec-Fetch-Site other than the emulator's own is a cross-site request (Fetch standard §3.1,
 * W3C Fetch Metadata), and a write that is not application/json is one a form or a no-cors fetch
 * can send without a preflight (Fetch standard, CORS-safelisted request headers). The token, in a
 * header no page can set cross-origin without a preflight that is never granted, closes the rest
 * and keeps other local users out.
 */
export function controlRefusal(req: EmuRequest, g: ControlGuard): EmuResponse | undefined {
  const h = req.headers;
  const host = (one(h.host) ?? "").toLowerCase();
  if (!g.hosts.has(host)) return refuse(`Host "${host}" is not this emulator's address (DNS rebinding?)`);
  const origin = one(h.origin);
  if (origin !== undefined && !g.hosts.has(origin.replace(/^https?:\/\//, "").toLowerCase()))
    return refuse("cross-origin requests are refused");
  const site = one(h["sec-fetch-site"]);
  if (site !== undefined && site !== "same-origin" && site !== "none")
    return refuse(`Sec-Fetch-Site "${site}" is refused`);
  const auth = /^Bearer (.+)$/i.exec(one(h.authorization) ?? "")?.[1] ?? "";
  if (!sameToken(auth, g.token))
    return refuse("send the emulator's control token as Authorization: Bearer TOKEN (printed at start)");
  const type = (one(h["content-type"]) ?? "").split(";")[0]?.trim().toLowerCase();
  if (req.method !== "GET" && req.method !== "HEAD" && type !== "application/json")
    return refuse("writes take Content-Type: application/json");
  return undefined;
}
