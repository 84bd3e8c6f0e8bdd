import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { createSecureContext, type SecureContext, TLSSocket } from "node:tls";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import type { Behaviour } from "./behaviour.js";
import { type ControlHooks, configure, type JournalEntry, journalOf, type Live, reset } from "./control.js";
import type { Fault } from "./faults/fault.js";
import { guardFor } from "./guard.js";
import { type EmuEnv, makeEnv } from "./handle.js";
import { Moods } from "./moods.js";
import { readBody } from "./read-body.js";
import { Scenario, type ScenarioStep } from "./scenarios.js";
import { Scrubber } from "./scrub.js";
import { type Served, serve } from "./serve.js";
import { emptyState, type State, snapshot } from "./state.js";
import { tencentDomains } from "./tls.js";
import type { EmuConfig, EmuRequest } from "./types.js";

/** Bodies past this are refused without being read to the end (the service caps bodies too). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const SLOW_CLIENT_MS = 10_000;

export interface EmulatorOptions {
  config: EmuConfig;
  faults?: readonly Fault[];
  behaviour?: Partial<Behaviour>;
  port?: number;
  host?: string;
  /** every answer waits this long (slow targets, interruption tests) */
  latencyMs?: number;
  /** bodies over this get a 413 envelope and the connection closes */
  maxBodyBytes?: number;
  /** the whole request must arrive within this */
  slowClientMs?: number;
  /** answer 60007 to calls past this many in any second (docs/sources/tencent-im-rest.md §3.6), like the live limiter */
  throttlePerSecond?: number;
  /** answer 30006 (internal error, retry) to every Nth group_add, before processing it */
  transientEvery?: number;
  /** scripted answers for a client under test (npm run emulator -- --scenario FILE) */
  scenario?: readonly ScenarioStep[];
  /** sees every request as it arrives (the client-side conformance report); a function it returns is told the answer */
  onRequest?: (req: EmuRequest) => unknown;
  /** serve HTTPS with this certificate and key (PEM) */
  tls?: { certPem: string; keyPem: string };
  /** also act as an HTTPS proxy for Tencent's IM domains only: CONNECT is answered here, with `tls` */
  proxy?: boolean;
  /** the control API under /__emulator/: on by default only when listening on loopback */
  control?: boolean;
  /** the token the control API requires (Authorization: Bearer); a random one per start when unset */
  controlToken?: string;
  /** Host names the control API answers to besides loopback's */
  allowHosts?: readonly string[];
  /** the client judge and the scenario check, injected: the emulator core imports neither */
  hooks?: ControlHooks;
}

export interface RunningEmulator {
  url: string;
  /** what the control API requires as Authorization: Bearer TOKEN */
  controlToken: string;
  port: number;
  state: State;
  env: EmuEnv;
  /** forgets every account (or one), and the journal with a full reset */
  reset(account?: string): void;
  /** every account, its groups, friends and sequence, as plain JSON */
  snapshot(): ReturnType<typeof snapshot>;
  /** the latest requests, oldest first, usersig redacted, with the client-side verdict when wired in */
  journal(): readonly JournalEntry[];
  /** scripted answers from now on (checked by hooks.checkScenario when given) */
  loadScenario(steps: unknown): void;
  /** faults and variants from now on */
  configure(o: { faults?: string[]; variants?: string[] }): void;
  /** stops at once, cutting open connections (tests) */
  close(): Promise<void>;
  /** stops listening, lets answers in flight finish for up to `graceMs`, then cuts what is left */
  shutdown(graceMs?: number): Promise<void>;
}

/** The answer when serving a request threw: a bare 500, or a cut connection once the head is out. */
function failed(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(500).end();
  else res.destroy();
}

/** Tencent's IM domains, the only hosts the proxy answers for (lower case). */
const PROXIED = new Set(tencentDomains().map((d) => d.toLowerCase()));

/**
 * An HTTPS proxy for Tencent's IM domains only: a CONNECT to one of them (port 443) is answered
 * here, over TLS with the emulator's certificate, by the emulator itself. Any other host gets 403,
 * and no connection is ever opened anywhere.
 */
function connect(
  server: Server,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  context: SecureContext,
): void {
  const target = req.url ?? "";
  const colon = target.lastIndexOf(":");
  const host = (colon > 0 ? target.slice(0, colon) : target).toLowerCase();
  const port = colon > 0 ? target.slice(colon + 1) : "";
  if (!PROXIED.has(host) || port !== "443") {
    socket.end(
      "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nthe emulator's proxy answers only for Tencent IM domains on port 443; it connects nowhere\n",
    );
    return;
  }
  socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
  if (head.length > 0) socket.unshift(head);
  const secure = new TLSSocket(socket, { isServer: true, secureContext: context });
  secure.on("error", () => secure.destroy());
  server.emit("connection", secure);
}

/** Serves the emulator over HTTP (or HTTPS, or as a proxy for Tencent's domains) on loopback; port 0 picks a free port. */
export async function startEmulator(o: EmulatorOptions): Promise<RunningEmulator> {
  const state = emptyState();
  const env = makeEnv(o.config, o.faults ?? [], o.behaviour ?? {});
  const moods = new Moods(o);
  /** From_Accounts whose group_add is inside its write-conflict window */
  const held = new Set<string>();
  const live: Live = {
    state,
    env,
    scenario: o.scenario ? new Scenario(o.scenario) : undefined,
    journal: [],
    journalAt: 0,
    seq: 0,
    randoms: new Set(),
    scrub: new Scrubber(o.config.secretKey, EMULATOR_DEFAULTS.secretKey),
  };
  const host0 = o.host ?? "127.0.0.1";
  const controlOn = o.control ?? (host0 === "localhost" || host0 === "::1" || /^127\./.test(host0));
  const slow = o.slowClientMs ?? SLOW_CLIENT_MS;
  const token = o.controlToken ?? randomBytes(24).toString("base64url");
  const sv: Served = { live, o, moods, guard: undefined, held, hooks: o.hooks ?? {} };
  const max = o.maxBodyBytes ?? MAX_BODY_BYTES;
  const handler = (req: IncomingMessage, res: ServerResponse) =>
    readBody(
      req,
      max,
      (body) => {
        try {
          serve(sv, req, res, body)?.catch(() => failed(res));
        } catch {
          failed(res);
        }
      },
      () => failed(res),
    );
  // Node checks the timeouts below only this often; by default every 30 s.
  const checking = { connectionsCheckingInterval: Math.max(50, Math.min(1000, slow / 4)) };
  const server =
    o.tls && !o.proxy
      ? createHttpsServer({ ...checking, key: o.tls.keyPem, cert: o.tls.certPem }, handler)
      : createServer(checking, handler);
  if (o.proxy) {
    if (!o.tls) throw new Error("the proxy needs a certificate (tls) to answer CONNECT with");
    const context = createSecureContext({ key: o.tls.keyPem, cert: o.tls.certPem });
    const plain = server as Server;
    plain.on("connect", (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      connect(plain, req, socket, head, context),
    );
  }
  server.keepAliveTimeout = 5000;
  // A client that has not sent its whole request in time is cut off (slowloris).
  server.headersTimeout = slow;
  server.requestTimeout = slow;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, o.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  // Set once listening, before the first request can arrive: the names it answers to need the port.
  if (controlOn) sv.guard = guardFor(address, port, o.allowHosts ?? [], token);
  const host = address.includes(":") ? `[${address}]` : address;
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  return {
    url: `${o.tls && !o.proxy ? "https" : "http"}://${host}:${port}`,
    controlToken: token,
    port,
    state,
    env,
    reset: (account) => reset(live, account),
    snapshot: () => snapshot(live.state),
    journal: () => journalOf(live, o.hooks ?? {}),
    loadScenario: (steps) => {
      live.scenario = new Scenario(
        o.hooks?.checkScenario ? o.hooks.checkScenario(steps) : (steps as ScenarioStep[]),
      );
    },
    configure: (c) => configure(live, c),
    close: () => {
      server.closeAllConnections();
      server.close();
      return closed;
    },
    shutdown: (graceMs = 2000) => {
      server.close();
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      return closed.finally(() => clearTimeout(cut));
    },
  };
}
