import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";

const SECRET = "hostile-run-secret-key-0123456789abcdef";
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: RequestListener): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const answer =
  (status: number, type: string, body: string): RequestListener =>
  (req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(status, { "content-type": type }).end(body));
  };

// Each row: a target broken one way, the exit code, and what the user is told.
const TABLE: Array<[string, RequestListener | "refused" | "tls", number, RegExp]> = [
  [
    "an HTML error page on HTTP 200",
    answer(200, "text/html", "<html><body>Service Unavailable</body></html>"),
    1,
    /^FAIL MUST envelope-json: body is not a JSON object/m,
  ],
  ["a body that is not JSON", answer(200, "text/plain", "OK"), 1, /^FAIL MUST envelope-json/m],
  [
    "a truncated JSON body",
    answer(200, "application/json", '{"ActionStatus":"OK","ErrorCode":0'),
    1,
    /^FAIL MUST envelope-json/m,
  ],
  ["an empty 200", answer(200, "application/json", ""), 1, /^FAIL MUST envelope-json/m],
  [
    "HTTP 500 with HTML for everything",
    answer(500, "text/html", "<h1>500</h1>"),
    1,
    /^FAIL MUST http-200: HTTP 500 instead of 200/m,
  ],
  [
    "HTTP 502 from a gateway",
    answer(502, "text/html", "<h1>502 Bad Gateway</h1>"),
    3,
    /TIM_ERR_GATEWAY: .*HTTP 502/,
  ],
  [
    "a body of many megabytes",
    (req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 64 && res.write(chunk)) sent += 1;
        if (sent < 64)
          res.once("drain", () => {
            sent += 1;
            more();
          });
        else res.end();
      };
      more();
    },
    3,
    /TIM_ERR_RESPONSE_TOO_LARGE: .*over 4194304 bytes/,
  ],
  ["a server that never answers", () => {}, 3, /TIM_ERR_TIMEOUT: .*no complete answer within 500 ms/],
  [
    "a server that resets the connection",
    (req) => req.socket.destroy(),
    3,
    /TIM_ERR_TRANSPORT: .*transport failure/,
  ],
  ["a refused port", "refused", 3, /TIM_ERR_UNREACHABLE: .*cannot connect \(ECONNREFUSED\)/],
  ["a TLS failure (https to a plain-HTTP port)", "tls", 3, /TIM_ERR_TRANSPORT: .*transport failure/],
];

describe("hostile and broken targets", () => {
  it.each(TABLE)(
    "%s: ends in bounded time with the right exit code and a clear message, no stack trace, no secret",
    async (_what, behaviour, code, message) => {
      let base: string;
      if (behaviour === "refused") {
        const hostPort = await serve(() => {});
        const s = servers.pop();
        await new Promise((r) => s?.close(r));
        base = `http://${hostPort}`;
      } else if (behaviour === "tls") {
        base = `https://${await serve(answer(200, "application/json", "{}"))}`;
      } else {
        base = `http://${await serve(behaviour)}`;
      }
      const dir = mkdtempSync(join(tmpdir(), "tim-hostile-"));
      let out = "";
      let err = "";
      const t0 = Date.now();
      const exit = await main(
        ["--base-url", base, "--timeout-ms", "500", "--backoff-ms", "20", "--report-dir", dir, "--runs", "5"],
        { TIM_SECRET_KEY: SECRET, TIM_SDKAPPID: "1400000000", TIM_IDENTIFIER: "administrator" },
        { out: (s) => (out += s), err: (s) => (err += s) },
      );
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(exit).toBe(code);
      expect(`${out}\n${err}`).toMatch(message);
      expect(err).not.toMatch(/\n\s+at \S+ \(/);
      const written = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
      for (const text of [out, err, ...written]) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toMatch(/eJ[A-Za-z0-9*_-]{40,}/);
      }
    },
  );

  it("names the credentials when the target refuses the suite's UserSig (exit 2)", async () => {
    // A real emulator with one key, the suite with another: every signature is refused (70009).
    const { startEmulator } = await import("../emulator/server.js");
    const emu = await startEmulator({
      config: {
        sdkappid: 1400000000,
        identifier: "administrator",
        secretKey: "the-right-key",
        now: () => Math.floor(Date.now() / 1000),
      },
    });
    try {
      let err = "";
      const exit = await main(
        ["--base-url", emu.url, "--report-dir", mkdtempSync(join(tmpdir(), "tim-key-"))],
        { TIM_SECRET_KEY: "the-wrong-key", TIM_SDKAPPID: "1400000000", TIM_IDENTIFIER: "administrator" },
        { out: () => {}, err: (s) => (err += s) },
      );
      expect(exit).toBe(2);
      // Progress may precede it; the error itself is one line naming the settings and the fix.
      expect(err.split("\n").filter((l) => l.startsWith("error:"))).toHaveLength(1);
      expect(err).toMatch(
        /^error: TIM_ERR_CONFIG: TIM_SECRET_KEY \/ TIM_USERSIG: the target refuses the suite's credentials \(70009 /m,
      );
      expect(err).not.toContain("the-wrong-key");
    } finally {
      await emu.close();
    }
  });
});
