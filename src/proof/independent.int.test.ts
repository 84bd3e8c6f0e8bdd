import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { mintUserSig } from "../core/usersig/sign.js";
import { type RunningEmulator, startEmulator } from "../emulator/server.js";

type Rewrite = (
  status: number,
  headers: Record<string, string>,
  body: Record<string, unknown>,
) => [number, Record<string, string>, unknown];

/** A rewrite of the answers of one command (group_add when `command` is absent). */
type Targeted = Rewrite & { command?: string };

/**
 * A target written apart from the emulator's fault machinery: a proxy that
 * forwards to a clean emulator and rewrites group_add answers its own way.
 */
async function proxy(upstream: string, rewrite: Targeted): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const up = httpRequest(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (ur) => {
        const body: Buffer[] = [];
        ur.on("data", (c) => body.push(c));
        ur.on("end", () => {
          let status = ur.statusCode ?? 200;
          let headers: Record<string, string> = { "content-type": String(ur.headers["content-type"] ?? "") };
          let text = Buffer.concat(body).toString();
          const command = /^\/v4\/\w+\/(\w+)/.exec(req.url ?? "")?.[1] ?? "";
          if (command === (rewrite.command ?? "group_add")) {
            const [s, h, b] = rewrite(status, headers, JSON.parse(text));
            [status, headers, text] = [s, h, typeof b === "string" ? b : JSON.stringify(b)];
          }
          res
            .writeHead(status, Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== "")))
            .end(text);
        });
      });
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ config: { ...EMULATOR_DEFAULTS, now: () => Math.floor(Date.now() / 1000) } });
});
afterAll(() => emu.close());

async function judge(rewrite: Targeted): Promise<{ code: number; out: string; err: string; dir: string }> {
  const p = await proxy(emu.url, rewrite);
  const dir = mkdtempSync(join(tmpdir(), "tim-ind-"));
  let out = "";
  let err = "";
  try {
    // A small generation budget: every exchange crosses the proxy.
    const code = await main(
      ["--base-url", p.url, "--report-dir", dir, "--runs", "20", "--rate", "0"],
      {},
      { out: (s) => (out += s), err: (s) => (err += s) },
    );
    return { code, out, err, dir };
  } finally {
    await new Promise((r) => p.server.close(r));
  }
}

const isOk = (b: Record<string, unknown>) => b.ActionStatus === "OK";

describe("an independently written target over TIM_BASE_URL", () => {
  it("passes when it answers the open questions its own way", async () => {
    const r = await judge((s, _h, b) => {
      const items = Array.isArray(b.ResultItem) ? [...b.ResultItem].reverse() : undefined;
      const out = isOk(b)
        ? { ...b, ErrorInfo: "0", RequestId: "Id-1-O-Seq-1", ...(items ? { ResultItem: items } : {}) }
        : { ...b, RequestId: "x" };
      return [s, {}, out];
    });
    expect(r.out).toMatch(/^CONFORMANT/m);
    expect(r.code).toBe(0);
  });

  const breaking: Array<[string, string, Rewrite]> = [
    ["HTTP 400 for refusals", "http-200", (s, h, b) => [isOk(b) ? s : 400, h, b]],
    [
      "no ErrorInfo on success",
      "envelope-json",
      (s, h, b) => {
        const { ErrorInfo: _x, ...rest } = b;
        return [s, h, isOk(b) ? rest : b];
      },
    ],
    [
      "CurrentSequence as a string",
      "success-sequence",
      (s, h, b) => [s, h, isOk(b) ? { ...b, CurrentSequence: String(b.CurrentSequence) } : b],
    ],
    [
      "Fail_Account dropped",
      "fail-account-matches",
      (s, h, b) => {
        const { Fail_Account: _x, ...rest } = b;
        return [s, h, rest];
      },
    ],
    [
      'ResultInfo "OK" on success',
      "result-info-empty-on-success",
      (s, h, b) => [
        s,
        h,
        Array.isArray(b.ResultItem)
          ? {
              ...b,
              ResultItem: b.ResultItem.map((i: Record<string, unknown>) =>
                i.ResultCode === 0 ? { ...i, ResultInfo: "OK" } : i,
              ),
            }
          : b,
      ],
    ],
    [
      "ErrorCode 0 on FAIL",
      "envelope-status-code",
      (s, h, b) => [s, h, isOk(b) ? b : { ...b, ErrorCode: 0 }],
    ],
  ];
  it.each(breaking)("exits 1 for %s, naming %s", async (_what, rule, rewrite) => {
    const r = await judge(rewrite);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^FAIL MUST ${rule}: `, "m"));
  });

  it("calls a fixture answer of the wrong shape a suite error (exit 3), never a violation", async () => {
    const broken: Targeted = Object.assign(
      (
        s: number,
        h: Record<string, string>,
        b: Record<string, unknown>,
      ): [number, Record<string, string>, unknown] => [s, h, { ...b, ResultItem: { not: "an array" } }],
      { command: "group_get" },
    );
    const r = await judge(broken);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/^NOT JUDGED/m);
    expect(r.err).toMatch(
      /TIM_ERR_FIXTURE: .*group_get \(fixture\) answer does not match schemas\/group_get.json: \/ResultItem must be array/,
    );
    expect(r.out).not.toMatch(/^FAIL /m);
  });

  it("gives a curl command that sends exactly the recorded request", async () => {
    const r = await judge((s, h, b) => [isOk(b) ? s : 400, h, b]);
    const json = JSON.parse(readFileSync(join(r.dir, "conformance.json"), "utf8"));
    type Ev = { exchange: { curl: string; request: { url: string; body: string } } };
    const cases: Array<{ evidence: Ev[] }> = json.rules.find(
      (x: { id: string }) => x.id === "http-200",
    ).cases;
    const ev = cases.flatMap((c) => c.evidence)[0];
    expect(ev?.exchange.curl).toContain("usersig='\"$TIM_USERSIG\"'");
    let seen = { url: "", body: "" };
    const capture = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        seen = { url: req.url ?? "", body: Buffer.concat(chunks).toString() };
        res.end("{}");
      });
    });
    await new Promise<void>((ok) => capture.listen(0, "127.0.0.1", ok));
    const base = `http://127.0.0.1:${(capture.address() as AddressInfo).port}`;
    const usersig = mintUserSig({ ...EMULATOR_DEFAULTS, expire: 600, now: Math.floor(Date.now() / 1000) });
    try {
      // Asynchronous on purpose: the server answering curl runs on this very event loop.
      await promisify(execFile)("bash", ["-c", ev?.exchange.curl ?? "false"], {
        env: { ...process.env, TIM_BASE_URL: base, TIM_USERSIG: usersig },
        timeout: 10_000,
      });
    } finally {
      await new Promise((ok) => capture.close(ok));
    }
    const recorded = new URL(ev?.exchange.request.url ?? "");
    expect(seen.body).toBe(ev?.exchange.request.body);
    expect(seen.url).toBe(
      `${recorded.pathname}${recorded.search}`
        .replace("usersig=%5BREDACTED%5D", `usersig=${usersig}`)
        .replace("usersig=[REDACTED]", `usersig=${usersig}`),
    );
  });
});
