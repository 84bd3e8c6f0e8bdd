import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Behaviour } from "./behaviour.js";
import type { Fault } from "./faults/fault.js";
import { type EmuEnv, handle, makeEnv } from "./handle.js";
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
}

export interface RunningEmulator {
  url: string;
  state: State;
  env: EmuEnv;
  close(): Promise<void>;
}

function toEmuRequest(req: IncomingMessage, body: string): EmuRequest {
  const u = new URL(req.url ?? "/", "http://emulator");
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  return {
    method: req.method ?? "GET",
    path: u.pathname,
    query: Object.fromEntries(u.searchParams),
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
): Promise<void> {
  const body = await readBody(req, o.maxBodyBytes ?? MAX_BODY_BYTES);
  if (body === undefined) {
    // An envelope, then the connection closes: the unread rest of the body cannot be skipped safely.
    res.on("finish", () => req.socket.destroy());
    res.writeHead(413, { "content-type": "application/json", connection: "close" }).end(TOO_LARGE);
    return;
  }
  if (o.latencyMs) await new Promise((r) => setTimeout(r, o.latencyMs));
  const out = handle(state, toEmuRequest(req, body), env);
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
  const slow = o.slowClientMs ?? SLOW_CLIENT_MS;
  // Node checks the timeouts below only this often; by default every 30 s.
  const server = createServer(
    { connectionsCheckingInterval: Math.max(50, Math.min(1000, slow / 4)) },
    (req, res) => {
      serve(state, env, req, res, o).catch(() => {
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
  return {
    url: `http://${host}:${port}`,
    state,
    env,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
