import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { classify } from "../../transport/client.js";

/** What passed through one way: the judge's copy of the bytes, capped; never what is forwarded. */
export interface Copy {
  body: Buffer;
  /** the message was longer than the cap: the copy holds none of it */
  cut: boolean;
}

/** One request and its answer as they passed, raw: header lines in order, names as sent. */
export interface Passage {
  method: string;
  /** origin-form path and query, as the client sent them */
  target: string;
  /** the upstream base the request went to, e.g. https://console.tim.qq.com */
  upstream: string;
  rawHeaders: string[];
  request: Copy;
  response?: { status: number; rawHeaders: string[]; copy: Copy };
  /** no (complete) answer: the upstream failed (connect, answer) or the client went away first */
  failure?: { code: string; message: string; stage: "connect" | "answer" | "client" };
  /** when the whole request had passed, and how long until the whole answer had (ms) */
  sentAt: number;
  ms: number;
}

export interface Upstream {
  base: URL;
  agent: HttpAgent;
}

/** Keep-alive agents for the upstream, as a client would hold them; `ca` trusts a private CA too. */
export const upstreamAgents = (ca?: string): { http: HttpAgent; https: HttpsAgent } => ({
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true, ...(ca ? { ca } : {}) }),
});

/** Absolute-form (a proxy request for http://host/path) becomes origin-form: the upstream is fixed. */
export const originForm = (target: string): string =>
  /^https?:\/\//i.test(target) ? new URL(target).pathname + new URL(target).search : target;

/**
 * The client's header lines for the upstream: the same lines in the same order, but Host names the
 * upstream (RFC 9110 §7.2: it names the origin asked; a virtually hosted upstream needs its own) and
 * Proxy-Authorization and Proxy-Connection, which are the proxy hop's (RFC 9110 §11.7.1), stay here.
 */
export function upstreamHeaders(raw: readonly string[], host: string): string[] {
  const out: string[] = [];
  let hasHost = false;
  for (let k = 0; k + 1 < raw.length; k += 2) {
    const name = raw[k] as string;
    const lower = name.toLowerCase();
    if (lower === "proxy-authorization" || lower === "proxy-connection") continue;
    if (lower === "host") hasHost = true;
    out.push(name, lower === "host" ? host : (raw[k + 1] as string));
  }
  return hasHost ? out : ["Host", host, ...out];
}

/** A capped copy of a stream's chunks, joined when sealed; the chunks themselves go on untouched. */
function copier(cap: number): { copy: Copy; take: (c: Buffer) => void; seal: () => void } {
  let chunks: Buffer[] = [];
  let size = 0;
  const copy: Copy = { body: Buffer.alloc(0), cut: false };
  return {
    copy,
    take: (c) => {
      if (copy.cut) return;
      size += c.length;
      if (size <= cap) chunks.push(c);
      else {
        // Past the cap nothing is kept: a long observation holds bounded memory per exchange.
        copy.cut = true;
        chunks = [];
      }
    },
    seal: () => {
      copy.body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    },
  };
}

/**
 * Forwards one request to the upstream and its answer back, unchanged and as they stream: the
 * status line, every header line in its order and case, and the body bytes, chunk by chunk (only
 * Host differs, see upstreamHeaders). The judge sees copies, after the fact: `sent` once the whole
 * request has passed (the upstream may act on it from then on), `done` once the whole answer has
 * reached the client or the exchange failed. A failure is passed on as it came: an upstream that
 * cannot be reached or breaks off leaves the client's connection closed without an answer, as a
 * direct connection would; a client that goes away stops the upstream request.
 */
export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  to: Upstream,
  cap: number,
  hooks: { sent: (p: Passage) => void; done: (p: Passage) => void },
): void {
  const t0 = performance.now();
  const target = originForm(req.url ?? "/");
  const inCopy = copier(cap);
  const p: Passage = {
    method: req.method ?? "GET",
    target,
    upstream: to.base.origin + to.base.pathname.replace(/\/$/, ""),
    rawHeaders: req.rawHeaders,
    request: inCopy.copy,
    sentAt: 0,
    ms: 0,
  };
  let finished = false;
  const finish = (failure?: Passage["failure"]) => {
    if (finished) return;
    finished = true;
    if (failure) p.failure = failure;
    p.ms = performance.now() - t0;
    hooks.done(p);
  };
  const send = to.base.protocol === "https:" ? httpsRequest : httpRequest;
  const bare = to.base.hostname.replace(/^\[|\]$/g, "");
  const out = send(
    {
      protocol: to.base.protocol,
      hostname: bare,
      port: to.base.port || (to.base.protocol === "https:" ? 443 : 80),
      ...(isIP(bare) ? {} : { servername: bare }),
      method: p.method,
      path: p.upstream.slice(to.base.origin.length) + target,
      headers: upstreamHeaders(req.rawHeaders, to.base.host),
      setHost: false,
      agent: to.agent,
    },
    (up) => {
      const outCopy = copier(cap);
      p.response = { status: up.statusCode ?? 0, rawHeaders: up.rawHeaders, copy: outCopy.copy };
      res.writeHead(up.statusCode ?? 502, up.statusMessage ?? "", up.rawHeaders);
      up.on("data", outCopy.take);
      up.pipe(res);
      const broke = (e?: unknown) => {
        res.destroy();
        finish({ ...failureOf(e ?? new Error("aborted")), stage: "answer" });
      };
      up.on("error", broke);
      up.on("close", () => {
        if (!up.complete) broke();
      });
      res.on("finish", () => {
        outCopy.seal();
        finish();
      });
    },
  );
  out.on("error", (e) => {
    // Nothing came back (or the answer broke off): the client's connection ends without one.
    res.destroy();
    finish({ ...failureOf(e), stage: p.response ? "answer" : "connect" });
  });
  res.on("close", () => {
    if (finished || res.writableFinished) return;
    out.destroy();
    finish({
      code: "TIM_ERR_INTERRUPTED",
      message: "the client closed the connection first",
      stage: "client",
    });
  });
  req.on("data", inCopy.take);
  req.on("end", () => {
    inCopy.seal();
    p.sentAt = performance.now();
    hooks.sent(p);
  });
  req.pipe(out);
}

function failureOf(e: unknown): { code: string; message: string } {
  const { code, what } = classify(e);
  return { code, message: `upstream: ${what}` };
}
