import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Behaviour } from "./behaviour.js";
import type { Fault } from "./faults/fault.js";
import { type EmuEnv, handle, makeEnv } from "./handle.js";
import { emptyState, type State } from "./state.js";
import type { EmuConfig, EmuRequest } from "./types.js";

/** Bodies past this are refused without being read to the end (the service caps bodies too). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface EmulatorOptions {
  config: EmuConfig;
  faults?: readonly Fault[];
  behaviour?: Partial<Behaviour>;
  port?: number;
  host?: string;
  /** every answer waits this long (slow targets, interruption tests) */
  latencyMs?: number;
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

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function serve(
  state: State,
  env: EmuEnv,
  req: IncomingMessage,
  res: ServerResponse,
  latencyMs: number,
): Promise<void> {
  const body = await readBody(req);
  if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
  if (body === undefined) {
    res.writeHead(413, { connection: "close" }).end();
    return;
  }
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
  const server = createServer((req, res) => {
    serve(state, env, req, res, o.latencyMs ?? 0).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
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
