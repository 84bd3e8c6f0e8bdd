import { createServer, request as httpRequest, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { EMULATOR_DEFAULTS } from "../../config/defaults.js";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../emulator/server.js";

/** Hostile targets for the proof tables: each a real server on a loopback port, closed by closeAll(). */
const open: Array<() => Promise<void>> = [];

export async function closeAll(): Promise<void> {
  for (const close of open.splice(0)) await close();
}

export async function serve(handler: RequestListener): Promise<string> {
  const s: Server = createServer(handler);
  open.push(
    () =>
      new Promise((r) => {
        s.closeAllConnections();
        s.close(() => r());
      }),
  );
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

export async function emulator(o: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const e = await startEmulator({
    config: { ...EMULATOR_DEFAULTS, now: () => Math.floor(Date.now() / 1000) },
    ...o,
  });
  open.push(() => e.close());
  return e;
}

/** Forwards to `upstream`, letting `tamper` rewrite the answer's body text (or hold the request: return null). */
export function proxyTo(
  upstream: string,
  tamper: (req: { url: string; body: string; n: number }, answer: string) => string | null,
): RequestListener {
  let n = 0;
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const k = ++n;
      const up = httpRequest(
        `${upstream}${req.url}`,
        { method: "POST", headers: { "content-type": "application/json" } },
        (u) => {
          const back: Buffer[] = [];
          u.on("data", (c: Buffer) => back.push(c));
          u.on("end", () => {
            const out = tamper({ url: req.url ?? "", body, n: k }, Buffer.concat(back).toString("utf8"));
            if (out === null) return; // held: never answered
            res.writeHead(u.statusCode ?? 200, { "content-type": "application/json" }).end(out);
          });
        },
      );
      up.end(body);
    });
  };
}

/** Answers every call with the same FAIL envelope: a target that refuses everything. */
export const refuseAll: RequestListener = (req, res) => {
  req.resume();
  req.on("end", () =>
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(
        JSON.stringify({ ActionStatus: "FAIL", ErrorCode: 30001, ErrorInfo: "refused", ErrorDisplay: "" }),
      ),
  );
};

/** Sends headers, then a JSON body one byte a second: no idle timeout ever fires. */
export const drip: RequestListener = (req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    const body = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';
    let k = 0;
    const t = setInterval(() => {
      if (res.destroyed || k >= body.length) {
        clearInterval(t);
        res.end();
        return;
      }
      res.write(body[k++]);
    }, 1000);
    res.on("close", () => clearInterval(t));
  });
};
