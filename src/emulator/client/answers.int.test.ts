import { mkdtempSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_DEFAULTS } from "../../config/defaults.js";
import { mintUserSig } from "../../core/usersig/sign.js";
import { type RunningEmulator, startEmulator } from "../server.js";
import { makeCertificates } from "../tls.js";
import { checkClientRequest } from "./check.js";
import { ClientReport } from "./report.js";

// Issue 22: the client report says which domain a client used (Host, SNI) and what each request
// got (the emulator's answer or a scenario step), treats null the same wherever the docs make a
// field optional, and never calls an absent random "reused".
const tls = makeCertificates();
let emu: RunningEmulator;
let report: ClientReport;
let dir: string;
const usersig = mintUserSig({ ...EMULATOR_DEFAULTS, expire: 3600, now: Math.floor(Date.now() / 1000) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tim-answers-"));
  report = new ClientReport(dir);
  const ctx = {
    ...EMULATOR_DEFAULTS,
    admin: EMULATOR_DEFAULTS.identifier,
    now: () => Math.floor(Date.now() / 1000),
    seenRandoms: new Set<string>(),
  };
  emu = await startEmulator({
    config: { ...EMULATOR_DEFAULTS, now: () => Math.floor(Date.now() / 1000) },
    tls: { certPem: tls.certPem, keyPem: tls.keyPem },
    scenario: [{ answer: { code: 30011 } }, { answer: "success", count: 2 }],
    onRequest: (req) => report.add(req, checkClientRequest(req, ctx)),
  });
});
afterAll(() => emu.close());

/** A Node https client that dials loopback but asks for Tencent's Singapore domain, as an SDK behind a hosts entry does. */
function call(command: string, body: unknown, random?: string): Promise<number> {
  const q = `sdkappid=${EMULATOR_DEFAULTS.sdkappid}&identifier=${EMULATOR_DEFAULTS.identifier}&usersig=${usersig}${random ? `&random=${random}` : ""}&contenttype=json`;
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: "127.0.0.1",
        port: emu.port,
        servername: "adminapisgp.im.qcloud.com",
        headers: { host: "adminapisgp.im.qcloud.com", "content-type": "application/json" },
        method: "POST",
        path: `/v4/${command}?${q}`,
        ca: tls.caPem,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    r.on("error", reject);
    r.end(JSON.stringify(body));
  });
}

describe("the client report", () => {
  it("records the host and SNI of every request, and which scenario step or the emulator answered it", async () => {
    await call("sns/group_add", { From_Account: "u1", GroupName: ["a"] }, "11");
    await call("sns/group_add", { From_Account: "u1", GroupName: ["b"] }, "12");
    await call("sns/group_add", { From_Account: "u1", GroupName: ["c"] }, "13");
    await call("sns/friend_get", { From_Account: "u1" }, "14");
    const lines = readFileSync(join(dir, "client-conformance.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.host, l.sni])).toEqual(
      Array(4).fill(["adminapisgp.im.qcloud.com", "adminapisgp.im.qcloud.com"]),
    );
    expect(lines.map((l) => l.answer)).toEqual([
      { by: "scenario", step: 1, status: 200, errorCode: 30011 },
      { by: "scenario", step: 2, status: 200, errorCode: 0 },
      { by: "scenario", step: 2, status: 200, errorCode: 0 },
      // past the script (and a command the scenario does not script), the emulator's own answer
      expect.objectContaining({ by: "emulator", status: 200 }),
    ]);
    report.flush();
    const md = readFileSync(join(dir, "client-conformance.md"), "utf8");
    expect(md).toContain("| adminapisgp.im.qcloud.com | scenario step 1: HTTP 200, 30011 |");
  });

  it("judges GroupName: null in friend_import as it judges To_Account: null: left out, reported, never a violation", () => {
    const ctx = {
      ...EMULATOR_DEFAULTS,
      admin: EMULATOR_DEFAULTS.identifier,
      now: () => Math.floor(Date.now() / 1000),
      seenRandoms: new Set<string>(),
    };
    const req = (path: string, body: unknown) => ({
      method: "POST",
      path,
      query: {
        sdkappid: String(EMULATOR_DEFAULTS.sdkappid),
        identifier: EMULATOR_DEFAULTS.identifier,
        usersig,
        contenttype: "json",
        random: "5",
      },
      headers: {},
      body: JSON.stringify(body),
    });
    const imp = checkClientRequest(
      req("/v4/sns/friend_import", {
        From_Account: "u1",
        AddFriendItem: [{ To_Account: "f1", AddSource: "AddSource_Type_x", GroupName: null }],
      }),
      ctx,
    );
    const add = checkClientRequest(
      req("/v4/sns/group_add", { From_Account: "u1", GroupName: ["g"], To_Account: null }),
      ctx,
    );
    for (const [f, at] of [
      [imp, "/AddFriendItem/0/GroupName"],
      [add, "/To_Account"],
    ] as const) {
      expect(f.filter((x) => !x.ok)).toEqual([]);
      expect(f).toContainEqual({ rule: "client-optional-null", ok: true, message: at });
    }
    // a required field sent as null is missing, and the report says it was null
    const bad = checkClientRequest(req("/v4/sns/group_add", { From_Account: null, GroupName: ["g"] }), ctx);
    expect(bad.find((x) => x.rule === "client-body-schema")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/From_Account.*sent as null/),
    });
  });

  it("never calls an absent random reused", () => {
    const ctx = {
      ...EMULATOR_DEFAULTS,
      admin: EMULATOR_DEFAULTS.identifier,
      now: () => 0,
      seenRandoms: new Set<string>(),
    };
    const req = { method: "POST", path: "/v4/sns/group_add", query: {}, headers: {}, body: "{}" };
    for (let k = 0; k < 3; k++) {
      const f = checkClientRequest(req, ctx);
      expect(f.find((x) => x.rule === "client-random-reused")).toBeUndefined();
      expect(f).toContainEqual({ rule: "client-random-missing", ok: true, message: "not sent" });
    }
  });
});
