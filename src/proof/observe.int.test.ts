import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Agent, ProxyAgent, fetch as undiciFetch } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../api/emulator.js";
import { type Observer, startObserver } from "../api/observer.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { ruleById } from "../core/rules/catalogue.js";
import { HOLDOUT_BENIGN } from "../emulator/faults/holdout/benign/index.js";
import { FAULTS } from "../emulator/faults/index.js";
import { VARIANTS } from "../emulator/variants.js";
import { adminQuery, appTraffic, pythonWithRequests } from "./support/observe-traffic.js";

// Issue 23, "done when": real clients drive traffic through observe in front of the emulator,
// clean, with faults and with benign variants. What observe finds of a fault must be what a suite
// run finds of it (src/proof/faults.int.test.ts proves a run finds exactly `fault.breaks`), as far as
// the traffic exercises it; a benign variant stays CONFORMANT.
const run = promisify(execFile);
const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});
const CREDENTIALS = {
  sdkappid: EMULATOR_DEFAULTS.sdkappid,
  identifier: EMULATOR_DEFAULTS.identifier,
  secretKey: EMULATOR_DEFAULTS.secretKey,
};

/** An emulator (with a fault or a variant) and an observer in front of it. */
async function observed(
  o: { faults?: string[]; variants?: string[] } = {},
): Promise<{ emu: Emulator; obs: Observer }> {
  const emu = await startEmulator(o);
  running.push(emu);
  const obs = await startObserver({ upstream: emu.url, ...CREDENTIALS });
  running.push(obs);
  return { emu, obs };
}

/** The service's rules that failed or warned (the client's are its own verdict). */
async function serviceBroken(obs: Observer): Promise<{ code: number; broken: string[]; client: string[] }> {
  const r = await obs.report();
  const bad = r.rules.filter((x) => x.verdict === "fail" || x.verdict === "warn").map((x) => x.id);
  return {
    code: r.exitCode,
    broken: bad.filter((id) => !id.startsWith("client-")).sort(),
    client: bad.filter((id) => id.startsWith("client-")).sort(),
  };
}

/**
 * What the app's traffic (observe-traffic.ts) exercises of each fault, with the requests the docs
 * forbid (`edges`). Every other rule a fault breaks needs calls the suite crafts (an account near
 * the cap, an auth condition, a refused valid request) or calls this traffic does not make; a
 * fault not listed breaks only such rules, and observe must find nothing at all.
 */
const EXERCISED: Record<string, string[]> = {
  "crash-on-astral-cjk": ["http-200", "envelope-json"],
  "empty-error-info": ["error-info-on-failure"],
  "empty-name-accepted": ["name-empty-rejected"],
  "error-display-missing": ["error-display-present"],
  "error-code-as-string": ["envelope-field-types", "envelope-status-code"],
  "fail-account-always": ["fail-account-matches"],
  "fail-account-missing": ["fail-account-matches", "not-friend-fails-item"],
  "failure-says-ok": ["envelope-status-code"],
  "friends-limit-missing": ["friends-per-request-1000"],
  "groups-not-stored": ["group-add-creates-groups"],
  "http-500-on-error": ["http-200"],
  "malformed-json-crash": ["malformed-body-rejected", "http-200", "envelope-json"],
  "members-lost-after-delete": ["state-matches-calls"],
  "members-not-stored": ["group-add-places-friends"],
  "name-limit-31-bytes": ["name-30-bytes"],
  "name-limit-in-chars": ["name-bytes-not-chars"],
  "names-limit-missing": ["names-per-request-32", "group-cap-32"],
  "not-friend-succeeds": ["not-friend-fails-item"],
  "required-not-checked": ["required-fields", "field-types", "unknown-from-account"],
  "result-code-as-string": ["result-item-types"],
  "result-info-ok": ["result-info-empty-on-success"],
  "result-item-drops-last": ["result-item-per-account", "fail-account-matches"],
  "sequence-decreases": ["sequence-never-decreases", "sequence-moves-on-change"],
  "sequence-missing": ["success-sequence"],
  "sequence-static": ["sequence-moves-on-change"],
  "types-not-checked": ["field-types"],
  "undocumented-codes": ["error-code-documented"],
  "unknown-from-accepted": ["unknown-from-account"],
  "item-failure-silent": ["result-info-on-item-failure"],
  "placing-drops-oldest": ["state-matches-calls"],
  "delete-only-first": ["group-delete-removes"],
};

describe("observe in front of the emulator, a Python requests client's traffic", () => {
  it("is CONFORMANT against the clean emulator and against every benign variant, judging the traffic both ways", async () => {
    const ids = ["clean", ...VARIANTS.map((v) => v.id), ...HOLDOUT_BENIGN.map((v) => v.id)];
    const pairs = await Promise.all(ids.map((id) => observed(id === "clean" ? {} : { variants: [id] })));
    await appTraffic(
      pairs.map((p) => p.obs.url),
      false,
    );
    for (const [k, p] of pairs.entries()) {
      const r = await p.obs.report();
      const bad = r.rules.filter((x) => x.verdict === "fail" || x.verdict === "warn").map((x) => x.id);
      expect([ids[k], r.exitCode, r.verdict, bad]).toEqual([ids[k], 0, "CONFORMANT", []]);
    }
    const clean = await (pairs[0] as { obs: Observer }).obs.report();
    const verdict = (id: string) => clean.rules.find((x) => x.id === id)?.verdict;
    // Both directions and the cross-call rules were judged, not merely left unbroken.
    for (const id of [
      "client-usersig-valid",
      "client-body-schema",
      "fail-account-matches",
      "result-item-per-account",
    ])
      expect([id, verdict(id)]).toEqual([id, "pass"]);
    for (const id of [
      "state-matches-calls",
      "group-add-creates-groups",
      "group-add-places-friends",
      "not-friend-fails-item",
      "group-delete-removes",
      "sequence-never-decreases",
      "sequence-moves-on-change",
    ])
      expect([id, verdict(id)]).toEqual([id, "pass"]);
    // Rules that need the suite's own calls are reported not judged, never passed.
    for (const id of [
      "valid-request-accepted",
      "auth-usersig",
      "documented-code-for-condition",
      "group-cap-32",
    ])
      expect([id, verdict(id)]).toEqual([id, "not-judged"]);
  });

  it.each([false, true])(
    "with each fault (edges %s), finds what a suite run finds of it, as far as the traffic exercises it",
    async (edges) => {
      const pairs = await Promise.all(FAULTS.map((f) => observed({ faults: [f.id] })));
      await appTraffic(
        pairs.map((p) => p.obs.url),
        edges,
      );
      for (const [k, fault] of FAULTS.entries()) {
        const got = await serviceBroken((pairs[k] as { obs: Observer }).obs);
        // Never a rule the suite would not blame: what observe finds is part of fault.breaks.
        expect([fault.id, got.broken.filter((r) => !fault.breaks.includes(r))]).toEqual([fault.id, []]);
        const want = (EXERCISED[fault.id] ?? []).filter((r) => edges || !EDGE_ONLY.has(`${fault.id}/${r}`));
        expect([fault.id, got.broken]).toEqual([fault.id, [...want].sort()]);
        // The client's own verdict: the forbidden requests it sends on purpose are its MUST violations.
        expect([fault.id, got.client]).toEqual([
          fault.id,
          edges ? ["client-body-json", "client-body-schema"] : [],
        ]);
        const must = edges || want.some((r) => ruleById(r).level === "MUST");
        expect([fault.id, got.code]).toEqual([fault.id, must ? 1 : 0]);
      }
    },
  );
});

/** Findings only the `edges` requests (what the docs forbid, or a refusal to provoke) exercise. */
const EDGE_ONLY = new Set([
  ...[
    "empty-error-info/error-info-on-failure",
    "empty-name-accepted/name-empty-rejected",
    "failure-says-ok/envelope-status-code",
    "friends-limit-missing/friends-per-request-1000",
    "http-500-on-error/http-200",
    "malformed-json-crash/malformed-body-rejected",
    "malformed-json-crash/http-200",
    "malformed-json-crash/envelope-json",
    "name-limit-31-bytes/name-30-bytes",
    "name-limit-in-chars/name-bytes-not-chars",
    "names-limit-missing/names-per-request-32",
    "names-limit-missing/group-cap-32",
    "required-not-checked/required-fields",
    "required-not-checked/field-types",
    "required-not-checked/unknown-from-account",
    "types-not-checked/field-types",
    "undocumented-codes/error-code-documented",
    "unknown-from-accepted/unknown-from-account",
  ],
]);

describe("observe as an HTTPS proxy for an SDK that hard-codes Tencent's domains", () => {
  async function proxied(faults: string[] = []) {
    const emu = await startEmulator({ faults });
    running.push(emu);
    const obs = await startObserver({ upstream: emu.url, proxy: true, ...CREDENTIALS });
    running.push(obs);
    return { emu, obs, ca: obs.caPem as string };
  }

  it("observes Node's fetch through undici's ProxyAgent: CONFORMANT clean, the fault's rules broken with it", async () => {
    for (const faults of [[], ["fail-account-missing"]]) {
      const { obs, ca } = await proxied(faults);
      const dispatcher = new ProxyAgent({ uri: obs.url, requestTls: { ca } });
      const q = adminQuery();
      let random = 0;
      const call = async (path: string, body: unknown) => {
        const res = await undiciFetch(
          `https://console.tim.qq.com${path}?${q}&random=${++random}&contenttype=json`,
          {
            method: "POST",
            body: JSON.stringify(body),
            headers: { "content-type": "application/json" },
            dispatcher,
          },
        );
        return (await res.json()) as { ErrorCode: number };
      };
      await call("/v4/im_open_login_svc/multiaccount_import", {
        AccountList: [{ UserID: "px1" }, { UserID: "px2" }, { UserID: "px3" }],
      });
      await call("/v4/sns/friend_import", {
        From_Account: "px1",
        AddFriendItem: [{ To_Account: "px2", AddSource: "AddSource_Type_App" }],
      });
      await call("/v4/sns/friend_delete", {
        From_Account: "px1",
        To_Account: ["px3"],
        DeleteType: "Delete_Type_Single",
      });
      await call("/v4/sns/group_get", {
        From_Account: "px1",
        NeedFriend: "Need_Friend_Type_Yes",
        LastSequence: 0,
      });
      expect(
        await call("/v4/sns/group_add", {
          From_Account: "px1",
          GroupName: ["a"],
          To_Account: ["px2", "px3"],
        }),
      ).toMatchObject({ ErrorCode: 0 });
      await call("/v4/sns/group_get", {
        From_Account: "px1",
        NeedFriend: "Need_Friend_Type_Yes",
        LastSequence: 0,
      });
      const got = await serviceBroken(obs);
      expect([faults, got.code, got.broken, got.client]).toEqual(
        faults.length
          ? [faults, 1, ["fail-account-matches", "not-friend-fails-item"], []]
          : [faults, 0, [], []],
      );
      await dispatcher.close();
    }
  });

  it("observes a Python requests client that hard-codes the Frankfurt domain, with HTTPS_PROXY and REQUESTS_CA_BUNDLE", async () => {
    const { obs, ca } = await proxied(["result-info-ok"]);
    const bundle = join(mkdtempSync(join(tmpdir(), "tim-observe-ca-")), "ca.pem");
    writeFileSync(bundle, ca);
    const env = {
      ...process.env,
      HTTPS_PROXY: obs.url,
      https_proxy: obs.url,
      REQUESTS_CA_BUNDLE: bundle,
      NO_PROXY: "",
      no_proxy: "",
    };
    expect(await appTraffic(["https://adminapiger.im.qcloud.com"], false, { env })).toBeGreaterThan(10);
    const got = await serviceBroken(obs);
    expect([got.code, got.broken, got.client]).toEqual([1, ["result-info-empty-on-success"], []]);
  });

  it("forwards a tunnel to the domain it was opened for when no upstream is given (the live service)", async () => {
    // The live domain is reached through its own name; here the test maps it to a local HTTPS emulator.
    const emu = await startEmulator({ tls: true });
    running.push(emu);
    const asked: string[] = [];
    const { startObserver: serve } = await import("../run/observe/observer.js");
    const { makeCertificates } = await import("../emulator/tls.js");
    const made = makeCertificates();
    const obs = await serve({
      proxy: true,
      tls: made,
      upstreamCa: emu.caPem as string,
      upstreamFor: (domain) => {
        asked.push(domain);
        return emu.url;
      },
      credentials: CREDENTIALS,
    });
    running.push(obs);
    const dispatcher = new ProxyAgent({ uri: obs.url, requestTls: { ca: made.caPem } });
    const res = await undiciFetch(
      `https://adminapisgp.im.qcloud.com/v4/sns/group_add?${adminQuery()}&random=1&contenttype=json`,
      {
        method: "POST",
        body: JSON.stringify({ From_Account: "nobody", GroupName: ["g"] }),
        dispatcher,
      },
    );
    expect(await res.json()).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 30003 });
    expect(asked).toEqual(["adminapisgp.im.qcloud.com"]);
    expect((await obs.report()).exitCode).toBe(0);
    await dispatcher.close();
  });
});

describe("observe over HTTPS and as a proxy that opens nothing else", () => {
  it("serves HTTPS with --tls, its certificate signed by the local CA it returns", async () => {
    const emu = await startEmulator({});
    running.push(emu);
    const obs = await startObserver({ upstream: emu.url, tls: true, ...CREDENTIALS });
    running.push(obs);
    expect(obs.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await undiciFetch(`${obs.url}/v4/sns/group_add?${adminQuery()}&random=1&contenttype=json`, {
      method: "POST",
      body: JSON.stringify({ From_Account: "nobody", GroupName: ["g"] }),
      dispatcher: new Agent({ connect: { ca: obs.caPem as string } }),
    });
    expect(await res.json()).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 30003 });
    expect((await obs.report()).exitCode).toBe(0);
  });

  it("refuses a CONNECT to any host but Tencent's IM domains on 443, and forwards nothing", async () => {
    let contacted = 0;
    const bystander = await startEmulator({
      onRequest: () => {
        contacted += 1;
      },
    });
    running.push(bystander);
    const obs = await startObserver({ upstream: bystander.url, proxy: true });
    running.push(obs);
    for (const target of ["example.com:443", `127.0.0.1:${bystander.port}`, "console.tim.qq.com:80"]) {
      const answer = await new Promise<string>((resolve) => {
        const s = connect(obs.port, "127.0.0.1", () =>
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

describe("a Python requests client sees the same answers through observe as directly", () => {
  it("gets the same status, header lines in order and body, byte for byte but the Date", async () => {
    const { emu, obs } = await observed();
    const script = `import sys, requests
for base in sys.argv[2:]:
    s = requests.Session()
    s.post(base + "/v4/im_open_login_svc/account_import?" + sys.argv[1] + "&random=1&contenttype=json", json={"UserID": "same1"})
    r = s.post(base + "/v4/sns/group_add?" + sys.argv[1] + "&random=2&contenttype=json", json={"From_Account": "same1", "GroupName": ["g-" + base[-5:]]})
    print(r.status_code, [k for k in r.raw.headers.keys()], [v for k, v in r.raw.headers.items() if k.lower() != "date"], len(r.content), r.json()["ErrorCode"])`;
    const { stdout } = await run(pythonWithRequests(), ["-c", script, adminQuery(), emu.url, obs.url], {
      encoding: "utf8",
    });
    const [direct, through] = stdout.trim().split("\n");
    expect(through).toBe(direct);
    expect(direct).toMatch(/^200 \['content-type', 'content-length', 'Date', 'Connection', 'Keep-Alive'\]/);
  });
});
