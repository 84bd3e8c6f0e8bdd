import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Behaviour } from "./behaviour.js";
import type { Fault } from "./faults/fault.js";
import { type EmuEnv, handle, makeEnv } from "./handle.js";
import { Scenario, type ScenarioStep, scripted } from "./scenarios.js";
import { emptyState, type State } from "./state.js";
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
  /** answer 60007 to calls past this many in any second (reference §3.6), like the live limiter */
  throttlePerSecond?: number /** answer 30006 (internal error, retry) to every Nth group_add, before processing it */;
  transientEvery?: number;
  /** scripted answers for a client under test (npm run emulator -- --scenario FILE) */
  scenario?: readonly ScenarioStep[];
  /** sees every request as it arrives (the client-side conformance report) */
  onRequest?: (req: EmuRequest) => void;
}

/** The live service's moods that depend on time and counts, not on state: kept out of handle(). */
class Moods {
  private window: number[] = [];
  private groupAdds = 0;
  constructor(private readonly o: EmulatorOptions) {}

  /** An envelope to answer instead of handling the call, or undefined. */
  intercept(path: string): string | undefined {
    const limit = this.o.throttlePerSecond;
    if (limit) {
      const now = Date.now();
      this.window = this.window.filter((t) => now - t < 1000);
      this.window.push(now);
      if (this.window.length > limit) return envelope(60007, "REST API call frequency limit exceeded");
    }
    if (
      this.o.transientEvery &&
      path.endsWith("/group_add") &&
      ++this.groupAdds % this.o.transientEvery === 0
    ) {
      return envelope(30006, "internal error, please retry");
    }
    return undefined;
  }
}

const envelope = (code: number, info: string): string =>
  JSON.stringify({ ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: info, ErrorDisplay: "" });

export interface RunningEmulator {
  url: string;
  port: number;
  state: State;
  env: EmuEnv;
  /** stops at once, cutting open connections (tests) */
  close(): Promise<void>;
  /** stops listening, lets answers in flight finish for up to `graceMs`, then cuts what is left */
  shutdown(graceMs?: number): Promise<void>;
}

function toEmuRequest(req: IncomingMessage, body: string): EmuRequest {
  // Split by hand: a URL object per request is a measurable share of the emulator's time.
  const raw = req.url ?? "/";
  const q = raw.indexOf("?");
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  return {
    method: req.method ?? "GET",
    path: q < 0 ? raw : raw.slice(0, q),
    query: q < 0 ? {} : Object.fromEntries(new URLSearchParams(raw.slice(q + 1))),
    headers,
    body,
  };
}

function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > max) {
        // Stop buffering at once; the rest is never read.
        req.off("data", onData);
        resolve(undefined);
      } else chunks.push(c);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const TOO_LARGE = JSON.stringify({
  ActionStatus: "FAIL",
  ErrorCode: 60002,
  ErrorInfo: "request body too large",
  ErrorDisplay: "",
});

async function serve(
  state: State,
  env: EmuEnv,
  req: IncomingMessage,
  res: ServerResponse,
  o: EmulatorOptions,
  moods: Moods,
  scenario: Scenario | undefined,
): Promise<void> {
  const body = await readBody(req, o.maxBodyBytes ?? MAX_BODY_BYTES);
  if (body === undefined) {
    // An envelope, then the connection closes: the unread rest of the body cannot be skipped safely.
    res.on("finish", () => req.socket.destroy());
    res.writeHead(413, { "content-type": "application/json", connection: "close" }).end(TOO_LARGE);
    return;
  }
  if (o.latencyMs) await new Promise((r) => setTimeout(r, o.latencyMs));
  const request = toEmuRequest(req, body);
  o.onRequest?.(request);
  const answer = scenario?.next(request.path.split("/").at(-1) ?? "");
  if (answer) {
    const s = scripted(answer, body);
    if ("slowMs" in s) await new Promise((r) => setTimeout(r, s.slowMs));
    else if (s.drop) return void req.socket.destroy();
    else
      return void res
        .writeHead(s.status, { ...s.headers, "content-length": Buffer.byteLength(s.body) })
        .end(s.body);
  }
  const mood = moods.intercept(request.path);
  if (mood) {
    res
      .writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(mood) })
      .end(mood);
    return;
  }
  const out = handle(state, request, env);
  if (out.drop) {
    req.socket.destroy();
    return;
  }
  res.writeHead(out.status, { ...out.headers, "content-length": Buffer.byteLength(out.body) });
  res.end(out.body);
}

/** Serves the emulator over HTTP on loopback; port 0 picks a free port. */
export async function startEmulator(o: EmulatorOptions): Promise<RunningEmulator> {
  const state = emptyState();
  const env = makeEnv(o.config, o.faults ?? [], o.behaviour ?? {});
  const moods = new Moods(o);
  const scenario = o.scenario ? new Scenario(o.scenario) : undefined;
  const slow = o.slowClientMs ?? SLOW_CLIENT_MS;
  // Node checks the timeouts below only this often; by default every 30 s.
  const server = createServer(
    { connectionsCheckingInterval: Math.max(50, Math.min(1000, slow / 4)) },
    (req, res) => {
      serve(state, env, req, res, o, moods, scenario).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    },
  );
  server.keepAliveTimeout = 5000;
  // A client that has not sent its whole request in time is cut off (slowloris).
  server.headersTimeout = slow;
  server.requestTimeout = slow;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, o.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  return {
    url: `http://${host}:${port}`,
    port,
    state,
    env,
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
