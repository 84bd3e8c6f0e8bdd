import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { configError } from "../../core/kernel/errors.js";
import type { Listener } from "../../core/kernel/events.js";
import { ensureWritableDir } from "../../core/kernel/files.js";
import { MAX_RESPONSE_BYTES } from "../../transport/client.js";
import type { ClientCredentials } from "./client-side.js";
import { answerControl, OBSERVE_PREFIX } from "./control.js";
import { forward, type Upstream, upstreamAgents } from "./forward.js";
import { ObserveJudge } from "./judge.js";
import { type ObserveResult, observeReport } from "./report.js";
import { notJudged } from "./scope.js";
import { ObservedSecrets } from "./secrets.js";
import { OBSERVED, ObserveTally } from "./tally.js";
import { acceptTunnels, tunnelDomainOf } from "./tunnel.js";

export interface ObserverOptions {
  /** where every request goes: an http(s) base URL; without it, `proxy` sends each Tencent domain to itself (the live service) */
  upstream?: string;
  /** the upstream of a Tencent domain asked for through the proxy when `upstream` is unset (default: https://DOMAIN) */
  upstreamFor?: (domain: string) => string;
  /** a CA (PEM) to trust for an https upstream, besides the system's */
  upstreamCa?: string;
  /** 0 (the default) picks a free port */
  port?: number;
  /** loopback unless given */
  host?: string;
  /** serve HTTPS (plain requests) or answer CONNECT (with `proxy`) with this certificate */
  tls?: { certPem: string; keyPem: string };
  /** also an HTTPS proxy for Tencent's IM domains (needs tls) */
  proxy?: boolean;
  /** the app's settings the client judge compares with; each one left out leaves its rule not judged */
  credentials?: ClientCredentials;
  /** follow accounts through the traffic (default on); off judges each exchange alone */
  crossCall?: boolean;
  /** report() writes the four reports here; without it, it only returns the verdict */
  reportDir?: string;
  /** every event, as it happens */
  onEvent?: Listener;
}

export interface RunningObserver {
  /** what clients use instead of the upstream (base URL, or HTTPS_PROXY with `proxy`) */
  url: string;
  port: number;
  /** the verdict over everything that passed so far; writes the reports when a report dir is set */
  report(): Promise<ObserveResult>;
  /** stops listening, lets exchanges in flight finish for up to `graceMs`, then cuts what is left */
  close(graceMs?: number): Promise<void>;
  /** what the reports are made from (the command prints its console summary) */
  tally: ObserveTally;
}

const LOOPBACK = /^(127\.|localhost$|::1$|\[::1\]$)/;

/**
 * Starts the observer: a pass-through between clients and an upstream (an implementation, the
 * emulator, or the live service) that forwards every request and answer unchanged (forward.ts) and
 * judges both after the fact (judge.ts), listening on loopback unless told otherwise.
 */
export async function startObserver(o: ObserverOptions): Promise<RunningObserver> {
  if (!o.upstream && !o.proxy)
    throw configError("upstream", "give the upstream's URL, or the proxy mode to observe the live service");
  if (o.proxy && !o.tls) throw configError("proxy", "needs a certificate (tls) to answer CONNECT with");
  const dir = o.reportDir ? ensureWritableDir(o.reportDir, "reportDir") : undefined;
  const startedAt = performance.now();
  const tally = new ObserveTally();
  const credentials = o.credentials ?? {};
  const secrets = new ObservedSecrets(credentials.secretKey);
  const judge = new ObserveJudge({
    tally,
    secrets,
    credentials,
    crossCall: o.crossCall ?? true,
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
  });
  const agents = upstreamAgents(o.upstreamCa);
  const upstreams = new Map<string, Upstream>();
  const upstreamOf = (base: string): Upstream => {
    let u = upstreams.get(base);
    if (!u) {
      const url = new URL(base);
      u = { base: url, agent: url.protocol === "https:" ? agents.https : agents.http };
      upstreams.set(base, u);
    }
    return u;
  };
  const label = o.upstream ?? "each Tencent IM domain asked for through the proxy (the live service)";
  const report = () =>
    observeReport(tally, {
      upstream: label,
      startedAt,
      ...(dir ? { dir } : {}),
      redact: (s) => secrets.redactor.redact(s),
    });
  let where = { address: "127.0.0.1", port: 0, loopback: true };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const domain = tunnelDomainOf(req);
    if (!domain && (req.url ?? "").startsWith(OBSERVE_PREFIX))
      return answerControl(req, res, where, async () => (await report()).json);
    const base = o.upstream ?? (domain ? (o.upstreamFor?.(domain) ?? `https://${domain}`) : undefined);
    if (!base) {
      req.resume();
      res
        .writeHead(400, { "content-type": "text/plain" })
        .end("observe: send requests through HTTPS_PROXY, or start it with --upstream\n");
      return;
    }
    forward(req, res, upstreamOf(base), MAX_RESPONSE_BYTES, {
      sent: (p) => judge.sent(p),
      done: (p) => judge.done(p),
    });
  };
  const server: Server =
    o.tls && !o.proxy
      ? createHttpsServer({ key: o.tls.keyPem, cert: o.tls.certPem }, handler)
      : createServer(handler);
  if (o.proxy && o.tls) acceptTunnels(server, o.tls);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, o.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  where = { address, port, loopback: LOOPBACK.test(address) };
  const host = address.includes(":") ? `[${address}]` : address;
  const url = `${o.tls && !o.proxy ? "https" : "http"}://${host}:${port}`;
  judge.emit({
    type: "run-start",
    info: {
      target: `observe: ${url} → ${label}`,
      seed: 0,
      startedAt: new Date().toISOString(),
      replayFlags: [],
      observed: { upstream: label, listen: url },
    },
    cases: [OBSERVED],
  });
  for (const n of notJudged(credentials, o.crossCall ?? true))
    judge.emit({ type: "skip", caseId: OBSERVED, rule: n.rule, reason: n.reason });
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  return {
    url,
    port,
    report,
    tally,
    close: (graceMs = 2000) => {
      server.close();
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      return closed.finally(() => {
        clearTimeout(cut);
        agents.http.destroy();
        agents.https.destroy();
      });
    },
  };
}
