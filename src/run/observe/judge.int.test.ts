import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../api/emulator.js";
import { EMULATOR_DEFAULTS } from "../../config/defaults.js";
import { mintUserSig } from "../../core/usersig/sign.js";
import { type RunningObserver, startObserver } from "./observer.js";

const run = promisify(execFile);
const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});

async function pair(o: { faults?: string[]; secretKey?: string; reportDir?: string } = {}) {
  const secretKey = o.secretKey ?? EMULATOR_DEFAULTS.secretKey;
  const emu: Emulator = await startEmulator({ faults: o.faults ?? [], secretKey });
  running.push(emu);
  const obs = await startObserver({
    upstream: emu.url,
    credentials: { ...EMULATOR_DEFAULTS, secretKey },
    ...(o.reportDir ? { reportDir: o.reportDir } : {}),
  });
  running.push(obs);
  return { emu, obs, client: client(obs.url, secretKey) };
}

/** A small app client of the REST API (Node's fetch), as a team's integration tests hold one. */
function client(base: string, secretKey: string, headers: Record<string, string> = {}) {
  const sig = mintUserSig({
    ...EMULATOR_DEFAULTS,
    secretKey,
    expire: 3600,
    now: Math.floor(Date.now() / 1000),
  });
  let random = 0;
  const call = async (path: string, body: unknown) => {
    const q = `sdkappid=${EMULATOR_DEFAULTS.sdkappid}&identifier=${EMULATOR_DEFAULTS.identifier}&usersig=${sig}&random=${++random}&contenttype=json`;
    const res = await fetch(`${base}${path}?${q}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  return {
    sig,
    call,
    import: (ids: string[]) =>
      call("/v4/im_open_login_svc/multiaccount_import", { AccountList: ids.map((UserID) => ({ UserID })) }),
    befriend: (from: string, to: string[]) =>
      call("/v4/sns/friend_import", {
        From_Account: from,
        AddFriendItem: to.map((To_Account) => ({ To_Account, AddSource: "AddSource_Type_App" })),
      }),
    add: (from: string, names: string[], to?: string[]) =>
      call("/v4/sns/group_add", { From_Account: from, GroupName: names, ...(to ? { To_Account: to } : {}) }),
    read: (from: string) =>
      call("/v4/sns/group_get", { From_Account: from, NeedFriend: "Need_Friend_Type_Yes", LastSequence: 0 }),
  };
}

const verdictOf = async (obs: RunningObserver, id: string) =>
  (await obs.report()).rules.find((r) => r.id === id)?.verdict;

describe("calls of one account that overlap", () => {
  it("are judged on their own, never against the model or each other's sequence: no false failure", async () => {
    const { obs, client: c } = await pair();
    await c.import(["cw1", "cw2", "cw3"]);
    await c.befriend("cw1", ["cw2"]);
    await c.read("cw1");
    for (let round = 0; round < 4; round++) {
      // An app that does not wait: writes and reads of cw1 in flight at once, answered in any order.
      await Promise.all([
        c.add("cw1", [`a${round}`], ["cw2"]),
        c.add("cw1", [`b${round}`]),
        c.read("cw1"),
        c.add("cw1", [`c${round}`], ["cw2", "cw3"]),
        c.read("cw1"),
      ]);
    }
    await c.read("cw1");
    await c.add("cw1", ["after"], ["cw2"]);
    await c.read("cw1");
    const r = await obs.report();
    expect([r.exitCode, r.rules.filter((x) => x.verdict === "fail" || x.verdict === "warn")]).toEqual([
      0,
      [],
    ]);
    const notices = (r.report as { notices: string[] }).notices.join("\n");
    expect(notices).toMatch(/\d+ call\(s\) overlapped another call of the same account/);
    // Once quiet, the account is read afresh and judged again: the last add and read were.
    expect(await verdictOf(obs, "group-add-creates-groups")).toBe("pass");
  });

  it("still catches a sequence that goes back between calls that did not overlap", async () => {
    const { obs, client: c } = await pair({ faults: ["sequence-decreases"] });
    await c.import(["sd1"]);
    for (let k = 0; k < 4; k++) await c.add("sd1", [`s${k}`]);
    await c.read("sd1");
    expect(await verdictOf(obs, "sequence-never-decreases")).toBe("fail");
  });
});

describe("the cap needs no history", () => {
  it("fails group-cap-32 on the first read that lists more than 32 groups, made before the observer saw anything", async () => {
    const { emu, obs, client: c } = await pair({ faults: ["names-limit-missing"] });
    const direct = client(emu.url, EMULATOR_DEFAULTS.secretKey);
    await direct.import(["cap1"]);
    await direct.add(
      "cap1",
      Array.from({ length: 40 }, (_, k) => `c${k}`),
    );
    await c.read("cap1");
    const r = await obs.report();
    expect([r.exitCode, r.violated]).toEqual([1, ["group-cap-32"]]);
  });
});

describe("a long observation keeps counts and the first exchanges per rule, not everything", () => {
  it("counts 300 violations of one rule and keeps 5 of them, each with its redacted exchange and a curl line", async () => {
    const { emu, obs, client: c } = await pair({ faults: ["fail-account-always"] });
    const users = Array.from({ length: 10 }, (_, k) => `lo${k}`);
    await c.import(users);
    for (const u of users)
      for (let k = 0; k < 30; k += 10)
        await Promise.all(Array.from({ length: 10 }, (_, j) => c.add(u, [`n${k + j}`])));
    const r = await obs.report();
    const rule = (
      r.report as { rules: Array<{ id: string; cases: Array<{ failures: number; evidence: unknown[] }> }> }
    ).rules.find((x) => x.id === "fail-account-matches");
    expect(rule?.cases[0]?.failures).toBe(300);
    const evidence = rule?.cases[0]?.evidence as Array<{
      exchange: { request: { url: string }; curl: string };
    }>;
    expect(evidence).toHaveLength(5);
    for (const e of evidence) {
      expect(e.exchange.request.url).toMatch(/usersig=(\[REDACTED\]|%5BREDACTED%5D)/);
      expect(e.exchange.curl).toMatch(
        /^curl -sS -X POST "\$TIM_BASE_URL"'\/v4\/sns\/group_add\?.*usersig='"\$TIM_USERSIG"'/,
      );
      expect(e.exchange.curl).not.toContain(c.sig);
    }
    // The curl line replays the exchange: the same call reaches the upstream again (the name exists now).
    const curl = (evidence[0] as { exchange: { curl: string } }).exchange.curl;
    const { stdout } = await run("bash", ["-c", curl], {
      env: { ...process.env, TIM_BASE_URL: emu.url, TIM_USERSIG: c.sig },
    });
    expect(JSON.parse(stdout)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 30001 });
  });
});

describe("secrets never reach a report", () => {
  it("redacts the key, every UserSig (echoed raw, percent-encoded or in base64) and credential headers, in every file", async () => {
    const secretKey = "observe-test-secret-key-7c1e0a5d9b";
    const token = "Bearer staging-gateway-token-91f3c2";
    // A staging gateway that echoes what it got: the query in the body, the UserSig in a cookie and in base64.
    const echo = createServer((req, res) => {
      req.resume();
      const sig = new URL(req.url ?? "/", "http://x").searchParams.get("usersig") ?? "";
      res.writeHead(200, {
        "content-type": "application/json",
        "set-cookie": `s=${sig}`,
        "x-echo": encodeURIComponent(sig),
      });
      res.end(
        JSON.stringify({
          ActionStatus: "OK",
          ErrorCode: 0,
          ErrorInfo: "",
          ErrorDisplay: "",
          CurrentSequence: 1,
          RequestId: `${req.url} ${req.headers.authorization} ${Buffer.from(sig).toString("base64")} ${secretKey}`,
        }),
      );
    });
    await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r));
    running.push({ close: () => new Promise((r) => echo.close(() => r())) });
    const dir = mkdtempSync(join(tmpdir(), "tim-observe-secrets-"));
    const obs = await startObserver({
      upstream: `http://127.0.0.1:${(echo.address() as AddressInfo).port}`,
      credentials: { ...EMULATOR_DEFAULTS, secretKey },
      reportDir: dir,
    });
    running.push(obs);
    const c = client(obs.url, secretKey, { authorization: token });
    await c.add("u1", ["g"]);
    await c.call("/v4/sns/group_add", { From_Account: "u1", GroupName: ["g"], To_Account: [c.sig] });
    const r = await obs.report();
    // The echo answers no ResultItem: a violation, so its exchange is evidence in every report.
    expect(r.violated).toContain("result-item-per-account");
    const files = readdirSync(dir);
    expect(files.sort()).toEqual(["conformance.html", "conformance.json", "conformance.md", "junit.xml"]);
    const forms = [
      secretKey,
      c.sig,
      encodeURIComponent(c.sig),
      Buffer.from(c.sig).toString("base64"),
      token.slice(7),
    ];
    for (const f of files) {
      const text = readFileSync(join(dir, f), "utf8");
      for (const s of forms)
        expect([f, s.slice(0, 12), text.includes(s)]).toEqual([f, s.slice(0, 12), false]);
    }
    expect(readFileSync(join(dir, "conformance.json"), "utf8")).toContain('"authorization": "[REDACTED]"');
  });
});

describe("--cross-call off", () => {
  it("judges each exchange alone and reports the model's rules not judged", async () => {
    const emu = await startEmulator({ faults: ["members-not-stored"] });
    running.push(emu);
    const obs = await startObserver({ upstream: emu.url, crossCall: false });
    running.push(obs);
    const c = client(obs.url, EMULATOR_DEFAULTS.secretKey);
    await c.import(["x1", "x2"]);
    await c.befriend("x1", ["x2"]);
    await c.read("x1");
    await c.add("x1", ["g"], ["x2"]);
    await c.read("x1");
    const r = await obs.report();
    expect([r.exitCode, r.violated]).toEqual([0, []]);
    expect(r.rules.find((x) => x.id === "group-add-places-friends")?.verdict).toBe("not-judged");
    expect(r.rules.find((x) => x.id === "fail-account-matches")?.verdict).toBe("pass");
    // Without the app's settings, the client rules that need them are not judged either.
    expect(r.rules.find((x) => x.id === "client-usersig-valid")?.verdict).toBe("not-judged");
  });
});
