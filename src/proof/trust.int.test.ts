import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { matrixMain } from "../cli/matrix-main.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { newUser, snapshot } from "../emulator/state.js";
import { closeAll, drip, emulator, proxyTo, refuseAll, serve } from "./support/targets.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
afterEach(closeAll);

async function run(argv: string[], env: Record<string, string> = {}, command = main) {
  const dir = mkdtempSync(join(tmpdir(), "tim-trust-"));
  let out = "";
  let err = "";
  const t0 = Date.now();
  const code = await command([...argv, "--report-dir", dir], env, {
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  const files = readdirSync(dir);
  return {
    code,
    out,
    err,
    dir,
    ms: Date.now() - t0,
    files,
    text: (f: string) => readFileSync(join(dir, f), "utf8"),
  };
}

const REPORTS = ["conformance.html", "conformance.json", "conformance.md", "junit.xml"];
function fixturesFile(): string {
  const f = join(mkdtempSync(join(tmpdir(), "tim-fx-")), "fixtures.json");
  writeFileSync(
    f,
    JSON.stringify({ users: ["owner1"], friends: ["pal1"], nonFriends: ["stranger1"], unknown: ["nobody1"] }),
  );
  return f;
}

// Issue 10's hostile behaviours: each row is a target, the exit code, the time it must end within,
// the files it must leave, and what the person is told. Every row failed before its fix.
const TABLE: Array<{
  what: string;
  argv: () => Promise<string[]>;
  exit: number;
  within: number;
  says: RegExp;
  files: string[];
}> = [
  {
    what: "a body dripped one byte a second (no idle timeout ever fires)",
    argv: async () => ["--base-url", await serve(drip), "--timeout-ms", "500", "--backoff-ms", "10"],
    exit: 3,
    within: 10_000,
    says: /TIM_ERR_TIMEOUT: .*no complete answer within 500 ms/,
    files: REPORTS,
  },
  {
    what: "a target that hangs on every other request",
    argv: async () => {
      const emu = await emulator();
      const url = await serve(proxyTo(emu.url, (r, answer) => (r.n % 2 === 0 ? null : answer)));
      return ["--base-url", url, "--timeout-ms", "300", "--retry-budget-s", "2", "--backoff-ms", "10"];
    },
    exit: 3,
    within: 20_000,
    says: /retry time budget of 2 s/,
    files: REPORTS,
  },
  {
    what: "a group_add-only target (declared fixtures) that refuses every call",
    argv: async () => ["--base-url", await serve(refuseAll), "--fixtures", fixturesFile()],
    exit: 1,
    within: 10_000,
    says: /^FAIL MUST valid-request-accepted: .*expected success, got FAIL 30001/m,
    files: REPORTS,
  },
  {
    what: "a target that refuses every call (no fixtures can be made)",
    argv: async () => ["--base-url", await serve(refuseAll)],
    exit: 3,
    within: 10_000,
    says: /^NOT JUDGED/m,
    files: REPORTS,
  },
];

describe("fault injection: hostile targets end in bounded time with the right verdict and files", () => {
  it.each(TABLE)("$what: exit $exit within $within ms", async (row) => {
    const r = await run(await row.argv());
    expect([r.code, `${r.out}\n${r.err}`]).toEqual([row.exit, expect.stringMatching(row.says)]);
    expect(r.ms).toBeLessThan(row.within);
    expect(r.out).not.toMatch(/^CONFORMANT/m);
    expect(r.files.sort()).toEqual([...row.files].sort());
    expect(JSON.parse(r.text("conformance.json")).exitCode).toBe(row.exit);
  });

  it.each([
    ['--base-url ""', ["--base-url", ""], {}, /--base-url: is empty/],
    ["TIM_BASE_URL= (an unset CI secret)", [], { TIM_BASE_URL: "" }, /TIM_BASE_URL: is set but empty/],
    ['--region ""', ["--region", ""], {}, /--region: is empty/],
    ["TIM_REGION=", [], { TIM_REGION: "" }, /TIM_REGION: is set but empty/],
    ["TIM_REPLAY=", [], { TIM_REPLAY: "" }, /TIM_REPLAY: is set but empty/],
  ] as Array<[string, string[], Record<string, string>, RegExp]>)(
    "an empty target setting (%s) is exit 2, never the embedded emulator",
    async (_w, argv, env, says) => {
      const r = await run(argv, env);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(says);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.files).toEqual([]);
    },
  );

  it("an empty matrix target (ours=url=) is exit 2 before any target runs", async () => {
    const r = await run(["--target", "ref=emulator", "--target", "ours=url="], {}, matrixMain);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: TIM_ERR_CONFIG: TIM_BASE_URL: is set but empty/);
    expect(r.files).toEqual([]);
  });
});

describe("fault injection: the suite touches only what it owns", () => {
  it("refuses (exit 2, naming them) to reset accounts under its prefix that hold someone's data", async () => {
    const emu = await emulator();
    const a = newUser("alice_u01");
    a.groups.push("family");
    a.friends.set("alice_u02", new Set(["family"]));
    const b = newUser("alice_u02");
    b.friends.set("alice_u01", new Set());
    const mine = newUser("tim_ct_u01");
    mine.groups.push("mine");
    for (const u of [a, b, mine]) emu.state.users.set(u.id, u);
    const before = snapshot(emu.state);
    const alice = await run(["--base-url", emu.url, "--prefix", "alice"]);
    expect(alice.code).toBe(2);
    expect(alice.err).toMatch(/alice_u01 \(1 group\(s\), friends with alice_u02\).*--reset-pool/);
    const timct = await run(["--base-url", emu.url]);
    expect(timct.code).toBe(2);
    expect(timct.err).toMatch(/tim_ct_u01 \(1 group\(s\)\)/);
    expect(snapshot(emu.state)).toEqual(before);
    // Asked explicitly, it takes the accounts over and clears them.
    const taken = await run([
      "--base-url",
      emu.url,
      "--prefix",
      "alice",
      "--reset-pool",
      "--case",
      "basic-add",
    ]);
    expect(taken.code).toBe(0);
    expect(snapshot(emu.state).alice_u01).toMatchObject({ groups: [], friends: {} });
    expect(snapshot(emu.state).alice_pool).toBeUndefined();
    // No marker grants it anything (issue 21): a leftover is someone's until --reset-pool says otherwise.
    emu.state.users.get("alice_u03")?.groups.push("leftover of a killed run");
    expect((await run(["--base-url", emu.url, "--prefix", "alice", "--case", "basic-add"])).code).toBe(2);
  });
});

/** Every way the proxy below echoes a UserSig back: encodings clients and servers use. */
const ECHOES: Array<(s: string) => string> = [
  (s) => s,
  (s) =>
    [...s]
      .map((c) => (/[A-Za-z0-9_.~-]/.test(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
      .join(""),
  (s) => encodeURIComponent(s).replace(/\*/g, "%2a"),
  (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, "\\/"),
  (s) => Buffer.from(s).toString("base64"),
  (s) => s.slice(0, 40),
  (s) => s.slice(20, 37),
];

/** An independent search (not the redactor's code): any TLS signature document that inflates from the text. */
function holdsUserSig(text: string): boolean {
  const decoded = text.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) =>
    String.fromCharCode(Number.parseInt(h, 16)),
  );
  for (const t of [text, decoded, decoded.replace(/\\\//g, "/")]) {
    for (const m of t.matchAll(/eJ[A-Za-z0-9*_\-+/]{40,}={0,2}/g)) {
      try {
        const doc = inflateSync(
          Buffer.from(m[0].replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "="), "base64"),
        );
        if (doc.toString().includes("TLS.ver")) return true;
      } catch {
        // not a signature
      }
    }
  }
  return false;
}

describe("fault injection: secrets echoed back in any encoding never reach an output", () => {
  it("redacts a UserSig echoed raw, percent-encoded (either case, * as %2A), JSON-escaped, base64, or cut", async () => {
    const KEY = "trust-test-secret-key-0123456789abcdef";
    const emu = await emulator({
      config: { ...EMULATOR_DEFAULTS, secretKey: KEY, now: () => Math.floor(Date.now() / 1000) },
    });
    const seen = new Set<string>();
    const url = await serve(
      proxyTo(emu.url, (r, answer) => {
        const sig = new URL(r.url, "http://x").searchParams.get("usersig") ?? "";
        // Only real signatures are secrets: the auth case's made-up strings are not.
        if (holdsUserSig(sig)) seen.add(sig);
        const b = JSON.parse(answer) as Record<string, unknown>;
        const echo = ECHOES[r.n % ECHOES.length]?.(sig) ?? sig;
        return JSON.stringify({
          ...b,
          ErrorInfo: `${String(b.ErrorInfo)} (usersig ${echo})`,
          Echo: `u=${echo}`,
        });
      }),
    );
    const rec = join(mkdtempSync(join(tmpdir(), "tim-rec-")), "rec.json");
    const env = {
      TIM_SECRET_KEY: KEY,
      TIM_SDKAPPID: String(EMULATOR_DEFAULTS.sdkappid),
      TIM_IDENTIFIER: EMULATOR_DEFAULTS.identifier,
    };
    const r = await run(["--base-url", url, "--runs", "10", "--record", rec], env);
    expect(seen.size).toBeGreaterThan(3);
    const outputs = [r.out, r.err, ...r.files.map((f) => r.text(f)), readFileSync(rec, "utf8")];
    for (const [i, text] of outputs.entries()) {
      expect([i, holdsUserSig(text)]).toEqual([i, false]);
      for (const form of [KEY, encodeURIComponent(KEY), Buffer.from(KEY).toString("base64")])
        expect(text).not.toContain(form);
      for (const sig of seen)
        for (const echo of ECHOES) {
          const e = echo(sig);
          for (let k = 0; k + 16 <= e.length; k += 4)
            expect([i, e, text.includes(e.slice(k, k + 16))]).toEqual([i, e, false]);
        }
    }
  });
});

function spawnSuite(args: string[], viaNpm: boolean) {
  const child = viaNpm
    ? spawn("npm", ["run", "--silent", "conformance", "--", ...args], {
        cwd: root,
        env: { ...process.env, TIM_SECRET_KEY: "", TIM_USERSIG: "" },
      })
    : spawn(process.execPath, ["dist/bin.js", "run", ...args], {
        cwd: root,
        env: { ...process.env, TIM_SECRET_KEY: "", TIM_USERSIG: "" },
      });
  let err = "";
  child.stderr.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, err: () => err, exited };
}

async function until(cond: () => boolean, ms = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("fault injection: signals", () => {
  it("one SIGINT ends a run stuck on a dripping body at once: exit 130, partial reports", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tim-sig-"));
    const s = spawnSuite(
      ["--base-url", await serve(drip), "--timeout-ms", "60000", "--report-dir", dir],
      false,
    );
    await until(() => s.err().includes("group_add conformance:"));
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    s.child.kill("SIGINT");
    const end = await s.exited;
    expect(end.code).toBe(130);
    expect(end.at - t0).toBeLessThan(5_000);
    const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8"));
    expect([report.run.incomplete, report.exitCode]).toEqual([true, 130]);
  });

  it("SIGTERM to `npm run conformance` reaches the suite: it stops calling the target, cleans up and reports", async () => {
    const emu = await emulator({ latencyMs: 15 });
    let calls = 0;
    const url = await serve(
      proxyTo(emu.url, (_r, a) => {
        calls += 1;
        return a;
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), "tim-npm-"));
    const s = spawnSuite(["--base-url", url, "--report-dir", dir], true);
    await until(() => s.err().includes("✓ basic-add"));
    s.child.kill("SIGTERM");
    const end = await s.exited;
    expect(end.code === 143 || end.signal === "SIGTERM").toBe(true);
    const atExit = calls;
    await new Promise((r) => setTimeout(r, 700));
    expect(calls).toBe(atExit);
    expect(existsSync(join(dir, "conformance.md"))).toBe(true);
    const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8"));
    expect([report.run.incomplete, report.exitCode, report.run.interrupted]).toEqual([true, 143, "SIGTERM"]);
    const state = snapshot(emu.state);
    for (const id of Object.keys(state).filter((x) => /^tim_ct_u\d+$/.test(x)))
      expect([id, state[id]?.groups, state[id]?.friends]).toEqual([id, [], {}]);
  });
});

describe("fault injection: drift and matrix interrupted", () => {
  it("matrix stops after the current target on a signal, cleans up and writes a partial matrix", async () => {
    const emu = await emulator({ latencyMs: 5 });
    const stop = new AbortController();
    const dir = mkdtempSync(join(tmpdir(), "tim-mx-"));
    let err = "";
    const done = matrixMain(
      ["--target", `a=url=${emu.url}`, "--target", `b=url=${emu.url}`, "--report-dir", dir],
      {},
      { out: () => {}, err: (s) => (err += s), signal: stop.signal },
    );
    await until(() => Object.keys(snapshot(emu.state)).some((id) => id.startsWith("tim_ct_u")));
    stop.abort("SIGINT");
    await done;
    expect(err).not.toContain("matrix: b");
    const md = readFileSync(join(dir, "matrix.md"), "utf8");
    expect(md).toContain("**Incomplete**");
    expect(JSON.parse(readFileSync(join(dir, "matrix.json"), "utf8")).incomplete).toBe(true);
    const state = snapshot(emu.state);
    for (const id of Object.keys(state).filter((x) => /^tim_ct_u\d+$/.test(x)))
      expect([id, state[id]?.groups]).toEqual([id, []]);
  });
});
