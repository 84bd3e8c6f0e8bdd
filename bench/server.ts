// A benchmark target in its own process, so the load generator and the server each get a core.
// `bare`: node:http answering a fixed group_add success; `reader`: the same after reading the body;
// `emulator`: the reference emulator; `passthrough URL`: the plainest node:http reverse proxy to URL
// (piping, no copy, no judge), the floor observe's latency is measured against.
import { Agent, createServer, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EMULATOR_DEFAULTS } from "../src/config/defaults.js";
import { readBody } from "../src/emulator/read-body.js";
import { startEmulator } from "../src/emulator/server.js";

// Installed before "listening" is printed: the bench may ask at once, and SIGUSR2 unhandled kills.
// SIGUSR2 asks for the CPU time used so far (µs, user + system): the bench takes CPU per request from it.
process.on("SIGUSR2", () => {
  const u = process.cpuUsage();
  process.stdout.write(`cpu ${u.user + u.system}\n`);
});
const kind = process.argv[2];
let first = 0;
const mark = () => {
  if (!first) {
    first = Date.now();
    process.stdout.write(`first-request ${first}\n`);
  }
};
if (kind === "bare" || kind === "reader") {
  // The bytes to answer: a group_add success, or what the bench asks for (the emulator's own answer).
  const body =
    process.env.BENCH_BARE_BODY ??
    JSON.stringify({
      CurrentSequence: 2,
      ActionStatus: "OK",
      ErrorCode: 0,
      ErrorInfo: "",
      ErrorDisplay: "",
    });
  const answer = (res: ServerResponse) => {
    mark();
    res
      .writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
      })
      .end(body);
  };
  // `reader`: reads the body as the emulator does (read-body.ts) before the same answer: what any
  // server that looks at its requests pays on node:http before doing anything with them.
  const s = createServer((req, res) => {
    if (kind === "reader")
      readBody(
        req,
        8 * 1024 * 1024,
        () => answer(res),
        () => res.destroy(),
      );
    else {
      req.resume();
      req.on("end", () => answer(res));
    }
  });
  s.listen(0, "127.0.0.1", () =>
    process.stdout.write(`listening http://127.0.0.1:${(s.address() as AddressInfo).port}\n`),
  );
} else if (kind === "passthrough") {
  const upstream = new URL(process.argv[3] ?? "");
  const agent = new Agent({ keepAlive: true });
  const s = createServer((req, res) => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on("error", () => res.destroy());
    req.pipe(out);
  });
  s.listen(0, "127.0.0.1", () =>
    process.stdout.write(`listening http://127.0.0.1:${(s.address() as AddressInfo).port}\n`),
  );
} else {
  const emu = await startEmulator({
    config: { ...EMULATOR_DEFAULTS, now: () => Math.floor(Date.now() / 1000) },
  });
  process.stdout.write(`listening ${emu.url}\n`);
}
// Exit cleanly on a signal, so --cpu-prof can write its profile when one is asked for.
for (const s of ["SIGINT", "SIGTERM"] as const) process.on(s, () => process.exit(0));
