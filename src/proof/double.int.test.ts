import { execFile, execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { deflateSync } from "node:zlib";
import { Agent, ProxyAgent, fetch as undiciFetch } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../api/emulator.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { escapeSig } from "../core/usersig/base64url.js";
import { mintUserSig } from "../core/usersig/sign.js";

// Issue 13: the emulator as a drop-in double for real SDKs (HTTPS, Tencent's domains through a
// proxy) and for other teams' test suites (a control API, scenarios as data, process hygiene).
const TOKEN = "a-token-the-harness-chose";
const root = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);
const running: Emulator[] = [];
afterEach(async () => {
  for (const e of running.splice(0)) await e.close();
});
async function emulator(o: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  const e = await startEmulator(o);
  running.push(e);
  return e;
}
const sig = () => mintUserSig({ ...EMULATOR_DEFAULTS, expire: 3600, now: Math.floor(Date.now() / 1000) });
const query = (s = sig(), extra = "") =>
  `sdkappid=${EMULATOR_DEFAULTS.sdkappid}&identifier=${EMULATOR_DEFAULTS.identifier}&usersig=${s}&random=7&contenttype=json${extra}`;

/** A python3 that has requests: Debian's (apt-get install python3-requests) or the one on PATH. */
function pythonWithRequests(): string {
  for (const py of ["/usr/bin/python3", "python3"]) {
    if (spawnSync(py, ["-c", "import requests"]).status === 0) return py;
  }
  throw new Error("no python3 with requests here: apt-get install python3-requests (.ci/run does)");
}

describe("HTTPS and Tencent's domains", () => {
  it("serves HTTPS with a certificate its own CA signed for localhost and 127.0.0.1", async () => {
    const e = await emulator({ tls: true });
    expect(e.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await undiciFetch(`${e.url}/v4/sns/group_add?${query()}`, {
      method: "POST",
      body: JSON.stringify({ From_Account: "nobody", GroupName: ["g"] }),
      dispatcher: new Agent({ connect: { ca: e.caPem as string } }),
    });
    expect(await res.json()).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 30003 });
  });

  it("answers https://console.tim.qq.com through HTTPS_PROXY for Node's fetch (undici ProxyAgent)", async () => {
    const e = await emulator({ proxy: true });
    const res = await undiciFetch(`https://console.tim.qq.com/v4/sns/group_add?${query()}`, {
      method: "POST",
      body: JSON.stringify({ From_Account: "nobody", GroupName: ["g"] }),
      dispatcher: new ProxyAgent({ uri: e.url, requestTls: { ca: e.caPem as string } }),
    });
    expect(await res.json()).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 30003 });
    expect(e.journal().at(-1)?.path).toBe("/v4/sns/group_add");
  });

  it("answers a Python requests client that hard-codes the Frankfurt domain, with HTTPS_PROXY and REQUESTS_CA_BUNDLE", async () => {
    const e = await emulator({ proxy: true });
    const ca = join(mkdtempSync(join(tmpdir(), "tim-ca-")), "ca.pem");
    writeFileSync(ca, e.caPem as string);
    const script = `import requests, sys
r = requests.post("https://adminapiger.im.qcloud.com/v4/sns/group_add?" + sys.argv[1], json={"From_Account": "nobody", "GroupName": ["g"]}, timeout=10)
print(r.status_code, r.json()["ErrorCode"])`;
    // Asynchronously: the emulator answers from this very process.
    const { stdout: out } = await run(pythonWithRequests(), ["-c", script, query()], {
      env: {
        ...process.env,
        HTTPS_PROXY: e.url,
        https_proxy: e.url,
        REQUESTS_CA_BUNDLE: ca,
        NO_PROXY: "",
        no_proxy: "",
      },
      encoding: "utf8",
    });
    expect(out.trim()).toBe("200 30003");
  });

  it("refuses a CONNECT to any other host with 403 and never connects anywhere", async () => {
    const e = await emulator({ proxy: true });
    let contacted = 0;
    const bystander = await startEmulator({
      onRequest: () => {
        contacted += 1;
      },
    });
    running.push(bystander);
    const port = new URL(e.url).port;
    for (const target of ["example.com:443", `127.0.0.1:${bystander.port}`, "console.tim.qq.com:80"]) {
      const answer = await new Promise<string>((resolve) => {
        const s = connect(Number(port), "127.0.0.1", () =>
          s.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`),
        );
        let got = "";
        s.on("data", (c) => (got += c.toString()));
        s.on("close", () => resolve(got));
      });
      expect([target, answer.split("\r\n")[0]]).toEqual([target, "HTTP/1.1 403 Forbidden"]);
    }
    expect(contacted).toBe(0);
  });
});

describe("a control API and the same operations on the object", () => {
  it("resets, reads state and the journal (usersig redacted, client verdict), loads scenarios and switches faults", async () => {
    const e = await emulator();
    // The control API's own clients: the per-start token, JSON bodies (issue 21).
    const headers = { authorization: `Bearer ${e.controlToken}`, "content-type": "application/json" };
    const call = (path: string, body: unknown) =>
      fetch(`${e.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) }).then(
        (r) => r.json() as Promise<Record<string, unknown>>,
      );
    const add = (body: unknown, extra = "") => call(`/v4/sns/group_add?${query(sig(), extra)}`, body);
    await call(`/v4/im_open_login_svc/account_import?${query()}`, { UserID: "u1" });
    expect(await add({ From_Account: "u1", GroupName: ["a"] })).toMatchObject({ ErrorCode: 0 });
    expect(
      ((await call("/__emulator/state", {})).users as Record<string, { groups: string[] }>).u1?.groups,
    ).toEqual(["a"]);
    const journal = (await call("/__emulator/journal", {})).entries as Array<{
      query: Record<string, string>;
      verdict: Array<{ rule: string; ok: boolean }>;
    }>;
    expect(journal.at(-1)?.query.usersig).toBe("[REDACTED]");
    expect(journal.at(-1)?.verdict.every((f) => f.ok)).toBe(true);
    expect(await call("/__emulator/scenario", [{ answer: { code: 30011 } }])).toEqual({ loaded: 1 });
    expect(await add({ From_Account: "u1", GroupName: ["b"] })).toMatchObject({ ErrorCode: 30011 });
    expect(await call("/__emulator/scenario", [{ answer: "sucess" }])).toMatchObject({
      error: expect.stringMatching(/\/0\/answer/),
    });
    expect(await call("/__emulator/config", { faults: ["cap-off-by-one"] })).toEqual({
      faults: ["cap-off-by-one"],
    });
    expect(e.env.behaviour.maxGroupsPerUser).toBe(31);
    e.configure({});
    expect(await call("/__emulator/reset", { account: "u1" })).toEqual({ reset: "u1" });
    expect(e.snapshot().u1).toBeUndefined();
    e.reset();
    expect(e.journal()).toEqual([]);
    expect(() => e.loadScenario([{ answer: { json: { ActionStatus: "OK" } } }])).toThrow(
      /\/0\/answer\/json must have required property/,
    );
    e.loadScenario([{ answer: { json: { ActionStatus: "OK" }, malformed: true } }]);
  });

  it("keeps the control API off when listening beyond loopback unless asked", async () => {
    const e = await emulator({ control: false });
    const res = await fetch(`${e.url}/__emulator/state`, {
      method: "POST",
      headers: { authorization: `Bearer ${e.controlToken}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(await res.json()).toMatchObject({ ErrorCode: 60009 });
  });
});

describe("scenarios keep authentication unless a step says skip", () => {
  it("answers a wrong key with the auth error, not the scripted success; auth: skip scripts it anyway", async () => {
    const e = await emulator({ scenario: [{ answer: "success" }, { answer: "success", auth: "skip" }] });
    const bad = mintUserSig({
      ...EMULATOR_DEFAULTS,
      secretKey: "wrong-key",
      expire: 3600,
      now: Math.floor(Date.now() / 1000),
    });
    const post = (s: string) =>
      fetch(`${e.url}/v4/sns/group_add?${query(s)}`, {
        method: "POST",
        body: '{"From_Account":"x","GroupName":["g"]}',
      }).then((r) => r.json());
    expect(await post(bad)).toMatchObject({ ErrorCode: 70009 });
    expect(await post(sig())).toMatchObject({ ErrorCode: 0 });
    expect(await post(bad)).toMatchObject({ ErrorCode: 0 });
  });
});

describe("old and odd clients get a clear answer", () => {
  it("answers a TLS signature v1 UserSig with 70003 and says why", async () => {
    const e = await emulator();
    const v1 = escapeSig(
      deflateSync(
        JSON.stringify({
          "TLS.account_type": "0",
          "TLS.identifier": "administrator",
          "TLS.appid_at_3rd": "0",
          "TLS.sdk_appid": "1400000000",
          "TLS.expire_after": "180",
          "TLS.version": "201512300000",
          "TLS.time": "1700000000",
          "TLS.sig": "MEUCIQD",
        }),
      ).toString("base64"),
    );
    const res = await fetch(`${e.url}/v4/sns/group_add?${query(v1)}`, { method: "POST", body: "{}" });
    expect(await res.json()).toMatchObject({
      ErrorCode: 70003,
      ErrorInfo: expect.stringMatching(/signature v1 .*retired.*TLSSigAPIv2/),
    });
  });

  it("accepts a BOM before the JSON and a trailing slash; refuses contenttype=JSON (values are case-sensitive); accepts no random", async () => {
    const e = await emulator();
    const post = (path: string, q: string, body: string) =>
      fetch(`${e.url}${path}?${q}`, { method: "POST", body }).then(
        (r) => r.json() as Promise<{ ErrorCode: number }>,
      );
    const body = '{"From_Account":"nobody","GroupName":["g"]}';
    expect((await post("/v4/sns/group_add", query(), `\uFEFF${body}`)).ErrorCode).toBe(30003);
    expect((await post("/v4/sns/group_add/", query(), body)).ErrorCode).toBe(30003);
    expect(
      (await post("/v4/sns/group_add", query().replace("contenttype=json", "contenttype=JSON"), body))
        .ErrorCode,
    ).toBe(60002);
    expect((await post("/v4/sns/group_add", query().replace("&random=7", ""), body)).ErrorCode).toBe(30003);
    const verdicts = e.journal().map((j) => (j.verdict as Array<{ rule: string; ok: boolean }>) ?? []);
    const failed = verdicts.map((v) => v.filter((f) => !f.ok).map((f) => f.rule));
    expect(failed).toEqual([[], [], ["client-contenttype-json"], []]);
    expect(verdicts[0]?.some((f) => f.rule === "client-body-bom")).toBe(true);
    expect(verdicts[1]?.some((f) => f.rule === "client-path-trailing-slash")).toBe(true);
    expect(verdicts[3]?.some((f) => f.rule === "client-random-missing")).toBe(true);
  });
});

describe("process hygiene, from another language", () => {
  it("the bin's emulator is one process: a ready file, a control API Python drives, SIGTERM closes it with exit 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tim-proc-"));
    const ready = join(dir, "url");
    const child = spawn(
      process.execPath,
      [
        "dist/bin.js",
        "emulator",
        "--port",
        "0",
        "--ready-file",
        ready,
        "--client-report",
        join(dir, "client"),
      ],
      // The token chosen by the environment, as a test harness that starts the emulator would.
      { cwd: root, stdio: "ignore", env: { ...process.env, TIM_EMULATOR_TOKEN: TOKEN } },
    );
    const exited = new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    for (let k = 0; k < 200; k++) {
      try {
        if (readFileSync(ready, "utf8").endsWith("\n")) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    // The client report exists from the start, before any request.
    expect(JSON.parse(readFileSync(join(dir, "client", "client-conformance.json"), "utf8")).requests).toBe(0);
    const url = readFileSync(ready, "utf8").trim();
    const script = `import json, sys, urllib.request
def post(path, body):
    req = urllib.request.Request(sys.argv[1] + path, data=json.dumps(body).encode(), method="POST",
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + sys.argv[2]})
    return json.load(urllib.request.urlopen(req))
print(post("/__emulator/scenario", [{"answer": {"code": 30011}, "auth": "skip"}])["loaded"])
print(post("/v4/sns/group_add?sdkappid=1&identifier=x&usersig=y", {"From_Account": "a", "GroupName": ["g"]})["ErrorCode"])
print(len(post("/__emulator/journal", {})["entries"]))
print(post("/__emulator/reset", {})["reset"])`;
    const out = execFileSync("python3", ["-c", script, url, TOKEN], { encoding: "utf8" });
    expect(out.trim().split("\n")).toEqual(["1", "30011", "1", "all"]);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/__emulator/state`)).rejects.toThrow();
  });
});
