import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type RequestOptions,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { finished } from "node:stream";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { SuiteError, type SuiteErrorCode } from "../core/kernel/errors.js";
import type { Exchange } from "../core/kernel/exchange.js";
import type { Redactor } from "./redact.js";
import { abortErrorOf } from "./sender.js";
import { Targets } from "./target.js";

/** A response body larger than this is not read on (a hostile target must not exhaust memory). */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export interface ClientOptions {
  baseUrl: string;
  /** per request, overall: connect, headers and the whole body (docs/sources/tencent-im-rest.md §3.2: the service's own timeout is 3 s) */
  timeoutMs: number;
  redactor: Redactor;
}

export interface OutgoingRequest {
  command: string;
  /** /v4/<service>/<command> */
  path: string;
  /** query parameters in the order they are sent */
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body: string;
  /** codes that answer this very call and are judged, never retried (30008 to writes sent at once) */
  answers?: readonly number[];
}

/** What a failed exchange was: no route to the target, no answer in time, or a broken connection. */
export function classify(err: unknown): { code: SuiteErrorCode; what: string } {
  const e = err as { code?: string; cause?: { code?: string } };
  const c = e.code ?? e.cause?.code ?? "";
  if (c === "ETIMEDOUT") return { code: "TIM_ERR_TIMEOUT", what: "connect timed out" };
  if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"].includes(c))
    return { code: "TIM_ERR_UNREACHABLE", what: `cannot connect (${c})` };
  return { code: "TIM_ERR_TRANSPORT", what: `transport failure (${c || (err as Error).name})` };
}

export const flat = (h: Record<string, string | string[] | undefined>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const k in h) {
    const v = h[k];
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
};

/** How an exchange is stopped early (its deadline, the case's signal): the request, once made, is destroyed. */
interface Stop {
  req?: ClientRequest;
  res?: IncomingMessage;
  /** why, once stopped */
  reason?: { why: unknown };
}

function halt(stop: Stop, why: unknown): void {
  if (stop.reason) return;
  stop.reason = { why };
  const err = Object.assign(new Error("The operation was aborted"), { name: "AbortError", cause: why });
  stop.res?.destroy(err);
  stop.req?.destroy(err);
}

/** One POST over node:http(s), resolved with the answer's head; its body is read by the caller. */
function post(
  url: URL | RequestOptions,
  r: OutgoingRequest,
  agent: HttpAgent,
  stop: Stop,
): Promise<IncomingMessage> {
  const body = Buffer.from(r.body, "utf8");
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    // No `signal` option: node's listener bookkeeping for one cost more than the request's own work.
    // Copied key by key into an object without a prototype (a spread costs microseconds on Node 20
    // here, issue 25; any header name, __proto__ too, stays a header).
    const headers: Record<string, string> = Object.create(null);
    for (const k of Object.keys(r.headers)) headers[k] = r.headers[k] as string;
    headers["content-length"] = String(body.length);
    const options = { method: "POST", headers, agent };
    const answered = (res: IncomingMessage) => {
      stop.res = res;
      resolve(res);
    };
    const req =
      url instanceof URL ? send(url, options, answered) : send(Object.assign(url, options), answered);
    stop.req = req;
    req.on("error", reject);
    if (stop.reason) halt({ req }, stop.reason.why);
    else req.end(body);
  });
}

/**
 * The client for live targets: node:http(s) with keep-alive (loading it costs a start-up nothing,
 * where undici cost as much as the rest of the suite), one deadline per exchange, a capped body.
 * Every exchange it returns is already redacted.
 */
export class ApiClient {
  private readonly agent: HttpAgent;
  private seq = 0;
  private readonly base: string;
  private readonly targets: Targets;

  constructor(private readonly o: ClientOptions) {
    const keep = { keepAlive: true, keepAliveMsecs: 4_000, maxSockets: 8 };
    this.base = o.baseUrl.replace(/\/$/, "");
    this.targets = new Targets(this.base);
    this.agent = new URL(o.baseUrl).protocol === "https:" ? new HttpsAgent(keep) : new HttpAgent(keep);
  }

  async send(r: OutgoingRequest, signal?: AbortSignal): Promise<Exchange> {
    const qs = queryString(r);
    const url = joined(this.base, r, qs);
    const ex = startExchange(++this.seq, r, url, this.o.redactor);
    const t0 = performance.now();
    // One deadline for the whole exchange: a body dripped a byte at a time must not outlive it. No
    // AbortSignal.any([timeout, signal]): on Node 20 every composite stays reachable from the
    // case's signal, 1 kB per exchange for as long as the case runs.
    const stop: Stop = {};
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      halt(stop, new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    }, this.o.timeoutMs).unref();
    const follow = () => halt(stop, signal?.reason);
    if (signal?.aborted) follow();
    else signal?.addEventListener("abort", follow, { once: true });
    try {
      const res = await post(this.targets.optionsFor(url, r.path, qs), r, this.agent, stop);
      const bytes = await readCapped(res, r.command, () => res.destroy());
      const headers = flat(res.headers);
      completeExchange(ex, res.statusCode ?? 0, headers, decoded(bytes, headers, r.command), this.o.redactor);
    } catch (err) {
      if (stop.reason && !(err instanceof SuiteError)) {
        const a = timedOut
          ? {
              code: "TIM_ERR_TIMEOUT",
              message: `${r.command}: no complete answer within ${this.o.timeoutMs} ms`,
            }
          : abortErrorOf(stop.reason.why, r.command);
        ex.error = { code: a.code, message: this.o.redactor.redact(a.message) };
      } else failExchange(ex, err, r.command, this.o.redactor);
    } finally {
      clearTimeout(deadline);
      signal?.removeEventListener("abort", follow);
    }
    ex.ms = performance.now() - t0;
    return ex;
  }

  async close(): Promise<void> {
    this.agent.destroy();
  }
}

export function requestUrl(baseUrl: string, r: OutgoingRequest): string {
  return joined(baseUrl.replace(/\/$/, ""), r, queryString(r));
}

const queryString = (r: OutgoingRequest): string =>
  r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");

/** The request's URL from a base without its trailing slash. */
const joined = (base: string, r: OutgoingRequest, qs: string): string =>
  `${base}${r.path}${qs ? `?${qs}` : ""}`;

/** Headers, names and values, redacted like bodies: a target may echo a UserSig in any of them (issue 21). */
export function redactHeaders(h: Record<string, string>, red: Redactor): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [red.redact(k), red.redact(v)]));
}

/** The exchange as it leaves: already redacted, so nothing later can leak the UserSig. */
export function startExchange(seq: number, r: OutgoingRequest, url: string, red: Redactor): Exchange {
  return {
    seq,
    command: r.command,
    request: {
      method: "POST",
      url: red.redact(url),
      headers: redactHeaders(r.headers, red),
      body: red.redact(r.body),
    },
    ms: 0,
  };
}

/**
 * Reads a body up to MAX_RESPONSE_BYTES; past it, stops and says so. Listeners and
 * stream.finished(), not `for await`: an async iterator per answer (its promises, its own
 * finished() underneath) was a tenth of the HTTP client's time per exchange (issue 25, perf-3).
 * finished() is what the iterator used to end or fail, so every error reaches the caller as before.
 */
export function readCapped(body: IncomingMessage, command: string, destroy: () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    body.on("data", (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > MAX_RESPONSE_BYTES) {
        over = true;
        destroy();
        reject(
          new SuiteError(
            "TIM_ERR_RESPONSE_TOO_LARGE",
            `${command}: response body over ${MAX_RESPONSE_BYTES} bytes`,
          ),
        );
      } else chunks.push(c);
    });
    finished(body, { writable: false }, (err) => (err ? reject(err) : resolve(Buffer.concat(chunks))));
  });
}

/**
 * The body as a client reads it. RFC 9110 §12.5.3: a request with no Accept-Encoding lets the
 * server pick any coding, and the clients people use (OkHttp, Go's net/http, Python requests)
 * decode gzip and deflate transparently; so does the suite (brotli too), with the same 4 MiB cap
 * on what comes out. The coding stays in the headers, where open-content-encoding reports it. A
 * body that does not decode is judged as the bytes it is, which no client could read either.
 */
export function decoded(bytes: Buffer, headers: Record<string, string>, command: string): string {
  const coding = (headers["content-encoding"] ?? "").trim().toLowerCase();
  if (coding === "" || coding === "identity" || bytes.length === 0) return bytes.toString("utf8");
  const o = { maxOutputLength: MAX_RESPONSE_BYTES };
  try {
    if (coding === "gzip" || coding === "x-gzip") return gunzipSync(bytes, o).toString("utf8");
    if (coding === "br") return brotliDecompressSync(bytes, o).toString("utf8");
    if (coding === "deflate") {
      // "deflate" is the zlib format (RFC 9110 §8.4.1.2); some servers send raw deflate instead.
      try {
        return inflateSync(bytes, o).toString("utf8");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw e;
        return inflateRawSync(bytes, o).toString("utf8");
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw new SuiteError(
        "TIM_ERR_RESPONSE_TOO_LARGE",
        `${command}: ${coding} body expands past ${MAX_RESPONSE_BYTES} bytes`,
      );
  }
  return bytes.toString("utf8");
}

export function completeExchange(
  ex: Exchange,
  status: number,
  headers: Record<string, string>,
  text: string,
  red: Redactor,
): void {
  ex.response = { status, headers: redactHeaders(headers, red), body: red.redact(text) };
  try {
    ex.json = JSON.parse(ex.response.body);
  } catch {
    // not JSON: the checks judge that, the transport does not
  }
}

export function failExchange(ex: Exchange, err: unknown, command: string, red: Redactor): void {
  if (err instanceof SuiteError) {
    ex.error = { code: err.code, message: red.redact(err.message) };
    return;
  }
  const { code, what } = classify(err);
  ex.error = { code, message: red.redact(`${command}: ${what}`) };
}
