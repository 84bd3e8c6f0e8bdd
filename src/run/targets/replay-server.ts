import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import {
  canonicalBody,
  type Definition,
  normalizePath,
  type Recording,
} from "../../report/record/recording.js";

/** The header a replay server sets on a request the recording has no answer for. */
export const REPLAY_MISS_HEADER = "x-tim-replay-miss";

const keyOf = (path: string, body: string): string => `${path}\n${body}`;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const ENCODERS: Record<string, (b: Buffer) => Buffer> = {
  gzip: gzipSync,
  "x-gzip": gzipSync,
  deflate: deflateSync,
  br: brotliCompressSync,
};

/** A recorded answer, as the target sent it: status, content type and coding (the body encoded again), body. */
function answer(d: Definition): { status: number; headers: Record<string, string>; body: string | Buffer } {
  const headers: Record<string, string> = {};
  for (let k = 0; k + 1 < d.rawHeaders.length; k += 2)
    headers[(d.rawHeaders[k] as string).toLowerCase()] = d.rawHeaders[k + 1] as string;
  const text = typeof d.response === "string" ? d.response : JSON.stringify(d.response);
  const encode = ENCODERS[(headers["content-encoding"] ?? "").toLowerCase()];
  return { status: d.status, headers, body: encode ? encode(Buffer.from(text, "utf8")) : text };
}

/**
 * Serves a recording on a loopback port of this process: offline, nothing else is called. Answers
 * are queued per request (normalised path and canonical body) and given out in recorded order, so
 * a request repeated with different answers (group_get before and after a change) replays as
 * recorded, and parts that ran at once replay in any interleaving. A request with no answer left
 * gets status 599 and the miss header, which the replay sender turns into TIM_ERR_REPLAY_MISS.
 * Each request costs a map lookup: a replay takes about as long as the live run it recorded
 * (nock, which served replays before, waited about 3 ms on timers per request).
 */
export async function serveRecording(rec: Recording): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const queues = new Map<string, Definition[]>();
  for (const d of rec.definitions) {
    const k = keyOf(d.path, d.body);
    const q = queues.get(k);
    if (q) q.push(d);
    else queues.set(k, [d]);
  }
  const server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    const d = queues.get(keyOf(normalizePath(req.url ?? "/"), canonicalBody(body)))?.shift();
    if (!d) {
      res.writeHead(599, { [REPLAY_MISS_HEADER]: "1", "content-type": "text/plain" });
      res.end("the recording has no answer left for this request");
      return;
    }
    const a = answer(d);
    res.writeHead(a.status, a.headers);
    res.end(a.body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
