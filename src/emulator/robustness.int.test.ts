import { connect } from "node:net";
import fc from "fast-check";
import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintUserSig } from "../core/usersig/sign.js";
import { type RunningEmulator, startEmulator } from "./server.js";

const cfg = {
  sdkappid: 1400000000,
  identifier: "administrator",
  secretKey: "robust-key",
  now: () => Math.floor(Date.now() / 1000),
};
const sig = mintUserSig({ ...cfg, expire: 3600, now: cfg.now() });
let emu: RunningEmulator;
let n = 0;
const agent = new Agent({ connections: 256, pipelining: 0 });

beforeAll(async () => {
  emu = await startEmulator({ config: cfg, maxBodyBytes: 256 * 1024, slowClientMs: 400 });
});
afterAll(async () => {
  await agent.close();
  await emu.close();
});

const url = (command: string, service = "sns") =>
  `${emu.url}/v4/${service}/${command}?sdkappid=${cfg.sdkappid}&identifier=${cfg.identifier}&usersig=${sig}&random=${++n}&contenttype=json`;

async function post(body: string | Uint8Array, command = "group_add", service = "sns") {
  const res = await request(url(command, service), { method: "POST", body, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, json: JSON.parse(text) as Record<string, unknown> };
}

const stillAlive = async () =>
  expect((await post("{}", "account_check", "im_open_login_svc")).status).toBe(200);

describe("emulator robustness", () => {
  it("answers random bytes and invalid UTF-8 with a FAIL envelope on HTTP 200", async () => {
    const bodies = fc.sample(fc.uint8Array({ maxLength: 2048 }), { numRuns: 300, seed: 9 });
    bodies.push(
      Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
      Uint8Array.from([0xed, 0xa0, 0x80]),
    );
    for (const b of bodies) {
      const r = await post(b);
      expect([r.status, r.json.ActionStatus]).toEqual([200, "FAIL"]);
    }
    await stillAlive();
  });

  it("answers JSON nested 100 000 deep with a FAIL envelope", async () => {
    for (const body of [
      "[".repeat(100_000),
      `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
      `{"From_Account":${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)},"GroupName":["g"]}`,
    ]) {
      const r = await post(body);
      expect([r.status, r.json.ActionStatus]).toEqual([200, "FAIL"]);
    }
    await stillAlive();
  });

  it("answers a body over the cap with a 413 envelope, closes that connection, and keeps serving", async () => {
    const r = await post("x".repeat(2 * 1024 * 1024));
    expect([r.status, r.json.ErrorCode]).toEqual([413, 60002]);
    await stillAlive();
  });

  it("cuts off a client that sends its request too slowly", async () => {
    const closedAfter = await new Promise<number>((resolve) => {
      const t0 = Date.now();
      const s = connect(Number(new URL(emu.url).port), "127.0.0.1", () =>
        s.write("POST /v4/sns/group_add HTTP/1.1\r\nHost: x\r\n"),
      );
      s.on("data", () => {});
      s.on("close", () => resolve(Date.now() - t0));
      s.on("error", () => {});
    });
    expect(closedAfter).toBeGreaterThanOrEqual(350);
    expect(closedAfter).toBeLessThan(3000);
    await stillAlive();
  });

  it("keeps 32 groups, every accepted update and a strictly increasing sequence under 200 concurrent group_adds for one user", async () => {
    await post(JSON.stringify({ UserID: "load_user" }), "account_import", "im_open_login_svc");
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, k) =>
        post(JSON.stringify({ From_Account: "load_user", GroupName: [`g${k}`] })),
      ),
    );
    const accepted = results.filter((r) => r.json.ErrorCode === 0);
    expect(accepted).toHaveLength(32);
    expect(results.filter((r) => r.json.ErrorCode === 30011)).toHaveLength(168);
    const seqs = accepted.map((r) => r.json.CurrentSequence as number).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(32);
    expect(seqs).toEqual(Array.from({ length: 32 }, (_, k) => (seqs[0] ?? 0) + k));
    const view = await post(JSON.stringify({ From_Account: "load_user" }), "group_get");
    expect((view.json.ResultItem as unknown[]).length).toBe(32);
    expect(view.json.CurrentSequence).toBe(seqs.at(-1));
  });

  it("serves 200 connections at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () => post("{}", "account_check", "im_open_login_svc")),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
  });

  it("keeps memory bounded over 3000 bad requests", async () => {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 3000; k++) await post(`{"From_Account":"x${k}","GroupName":[`);
    globalThis.gc?.();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
    await stillAlive();
  });
});
