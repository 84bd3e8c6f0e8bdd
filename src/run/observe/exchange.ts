import { commandOf } from "../../core/contract/endpoints.js";
import { type Exchange, isObject } from "../../core/kernel/exchange.js";
import type { EmuRequest } from "../../emulator/types.js";
import { decoded } from "../../transport/client.js";
import type { Passage } from "./forward.js";
import type { ObservedSecrets } from "./secrets.js";

/** Bodies kept as evidence are cut here (after judging, which saw them whole): memory stays bounded. */
export const KEPT_BODY_CHARS = 32 * 1024;

/**
 * Header fields of a hop, not of the message (RFC 9110 §7.6.1, RFC 9112 §6.1, §7.1): forwarded as they
 * came, but left out of the kept exchange, so that its curl line replays it against any base URL.
 */
const HOP = new Set([
  "host",
  "connection",
  "keep-alive",
  "content-length",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "proxy-connection",
  "proxy-authorization",
]);

/** One observed exchange, as the judges read it. */
export interface Observed {
  command: string;
  /** the redacted exchange: what findings carry and reports show */
  ex: Exchange;
  /** the client's request as the emulator's client judge reads it (credentials in: never kept) */
  request: EmuRequest;
  /** the query in the order sent, decoded */
  query: Array<[string, string]>;
  /** the client's header fields, names in lower case (credentials in: never kept) */
  headers: Record<string, string>;
  /** the request body as a JSON object, when it is one */
  body: Record<string, unknown> | undefined;
}

/** Header lines as one record, names in lower case, repeated fields joined (RFC 9110 §5.3). */
export function headerRecord(raw: readonly string[], skip?: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (let k = 0; k + 1 < raw.length; k += 2) {
    const name = (raw[k] as string).toLowerCase();
    if (skip?.has(name)) continue;
    const v = raw[k + 1] as string;
    out[name] = out[name] === undefined ? v : `${out[name]}, ${v}`;
  }
  return out;
}

function decodedQuery(raw: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const pair of raw.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const [k, v] = eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    out.push([formDecoded(k), formDecoded(v)]);
  }
  return out;
}

/** Form decoding, a malformed escape kept as sent (the service then refuses it, as the emulator does). */
function formDecoded(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/** A request body as a JSON object (a UTF-8 byte order mark read past, as the emulator does), else undefined. */
export function parsedObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** What the judges read of a passage: the exchange has an error instead of a response when none came whole. */
export function observed(
  p: Passage,
  seq: number,
  secrets: ObservedSecrets,
  /** the body as parsed when the request had passed, to parse it once */
  body = parsedObject(p.request.body.toString("utf8")),
): Observed {
  const q = p.target.indexOf("?");
  const path = q < 0 ? p.target : p.target.slice(0, q);
  const rawQuery = q < 0 ? "" : p.target.slice(q + 1);
  const query = decodedQuery(rawQuery);
  secrets.learn(query);
  const command = commandOf(path);
  const text = p.request.body.toString("utf8");
  const headers = headerRecord(p.rawHeaders);
  secrets.learn(Object.entries(headers));
  const ex: Exchange = {
    seq,
    command,
    request: {
      method: p.method,
      url: secrets.text(p.upstream + path) + (rawQuery ? `?${secrets.query(rawQuery)}` : ""),
      headers: secrets.headers(headerRecord(p.rawHeaders, HOP)),
      body: secrets.text(text),
    },
    ms: p.ms,
  };
  if (p.response && !p.failure && !p.response.copy.cut) {
    const resHeaders = headerRecord(p.response.rawHeaders);
    try {
      const answer = secrets.text(decoded(p.response.copy.body, resHeaders, command));
      ex.response = { status: p.response.status, headers: secrets.headers(resHeaders), body: answer };
      const json = parsedOrUndefined(answer);
      if (json !== undefined) ex.json = json;
    } catch (e) {
      ex.error = { code: "TIM_ERR_RESPONSE_TOO_LARGE", message: secrets.text((e as Error).message) };
    }
  } else if (p.failure) ex.error = { code: p.failure.code, message: secrets.text(p.failure.message) };
  const request: EmuRequest = {
    method: p.method,
    path,
    query: Object.fromEntries(query),
    headers,
    body: text,
  };
  return { command, ex, request, query, headers, body };
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Cuts the kept bodies of an exchange once it is judged (the Tally holds a few per rule). */
export function clipKept(ex: Exchange): void {
  const cut = (s: string) =>
    s.length > KEPT_BODY_CHARS
      ? `${s.slice(0, KEPT_BODY_CHARS)}… [cut by observe: ${s.length} characters in all]`
      : s;
  ex.request.body = cut(ex.request.body);
  if (ex.response) ex.response.body = cut(ex.response.body);
}
