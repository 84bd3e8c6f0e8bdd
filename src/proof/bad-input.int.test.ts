import { mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { emulatorMain } from "../cli/emulator-main.js";
import type { Io } from "../cli/main.js";
import { main } from "../cli/main.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { mintUserSig } from "../core/usersig/sign.js";
import { checkClientRequest } from "../emulator/client/check.js";
import { ClientReport } from "../emulator/client/report.js";
import { closeAll, emulator } from "./support/targets.js";

afterEach(closeAll);
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

async function call(
  command: typeof main,
  argv: string[],
  env: Record<string, string> = {},
  signal?: AbortSignal,
) {
  let out = "";
  let err = "";
  const io: Io = { out: (s) => (out += s), err: (s) => (err += s), ...(signal ? { signal } : {}) };
  const t0 = Date.now();
  const code = await command(argv, env, io);
  return { code, out, err, ms: Date.now() - t0 };
}

let recording: Record<string, unknown>;
beforeAll(async () => {
  const file = join(tmp("tim-rec-"), "rec.json");
  expect(
    (await call(main, ["--case", "basic-add", "--record", file, "--report-dir", tmp("tim-r-")])).code,
  ).toBe(0);
  recording = JSON.parse(readFileSync(file, "utf8"));
});

function broken(
  edit: (r: Record<string, unknown> & { definitions: Array<Record<string, unknown>> }) => void,
): string {
  const r = structuredClone(recording) as Record<string, unknown> & {
    definitions: Array<Record<string, unknown>>;
  };
  edit(r);
  const file = join(tmp("tim-bad-"), "rec.json");
  writeFileSync(file, JSON.stringify(r));
  return file;
}

// Issue 10 point 6: every input file and setting is checked up front, with one line and exit 2.
const INPUTS: Array<[string, () => string[], Record<string, string>, RegExp]> = [
  [
    "a recording with HTTP status 999",
    () => [
      "--replay",
      broken((r) => {
        r.definitions[0] = { ...r.definitions[0], status: 999 };
      }),
    ],
    {},
    /\/definitions\/0\/status must be <= 599/,
  ],
  [
    "a recording missing rawHeaders",
    () => ["--replay", broken((r) => void delete r.definitions[1]?.rawHeaders)],
    {},
    /\/definitions\/1 must have required property 'rawHeaders'/,
  ],
  [
    "a recording whose definitions are null",
    () => [
      "--replay",
      broken((r) => {
        (r as Record<string, unknown>).definitions = null;
      }),
    ],
    {},
    /\/definitions must be array/,
  ],
  [
    "a recording with a numeric path",
    () => [
      "--replay",
      broken((r) => {
        r.definitions[0] = { ...r.definitions[0], path: 7 };
      }),
    ],
    {},
    /\/definitions\/0\/path must be string/,
  ],
  [
    "a recording with no cases",
    () => ["--replay", broken((r) => void delete (r.settings as Record<string, unknown>).cases)],
    {},
    /\/settings must have required property 'cases'/,
  ],
  [
    "a recording of an older version",
    () => [
      "--replay",
      broken((r) => {
        r.version = 1;
      }),
    ],
    {},
    /\/version must be equal to constant/,
  ],
  [
    "a recording of a shard that cannot be one",
    () => [
      "--replay",
      broken((r) => {
        (r.settings as { shard?: string }).shard = "3/2";
      }),
    ],
    {},
    /\/settings\/shard "3\/2" is not I\/N/,
  ],
  [
    "a recording naming an unknown case",
    () => [
      "--replay",
      broken((r) => {
        (r.settings as { cases: string[] }).cases = ["nope"];
      }),
    ],
    {},
    /\/settings\/cases names "nope"/,
  ],
  [
    "--replay A --record A",
    () => {
      const f = broken(() => {});
      return ["--replay", f, "--record", f];
    },
    {},
    /TIM_RECORD: is the recording being replayed/,
  ],
  [
    "--record into a folder that does not exist",
    () => ["--record", "/nonexistent-folder/x/rec.json"],
    {},
    /TIM_RECORD: cannot write .*ENOENT/,
  ],
  [
    "a 100,000-character --identifier",
    () => [
      "--base-url",
      "http://127.0.0.1:1",
      "--identifier",
      "a".repeat(100_000),
      "--sdkappid",
      "1400000000",
    ],
    { TIM_SECRET_KEY: "k" },
    /TIM_IDENTIFIER: must be the App admin's UserID: 1 to 32/,
  ],
  [
    "TIM_SDKAPPID=1e3",
    () => ["--base-url", "http://127.0.0.1:1"],
    { TIM_SDKAPPID: "1e3", TIM_SECRET_KEY: "k", TIM_IDENTIFIER: "a" },
    /TIM_SDKAPPID: must be a whole number/,
  ],
  [
    "TIM_SDKAPPID=0x10",
    () => ["--base-url", "http://127.0.0.1:1"],
    { TIM_SDKAPPID: "0x10", TIM_SECRET_KEY: "k", TIM_IDENTIFIER: "a" },
    /TIM_SDKAPPID: must be a whole number/,
  ],
  ["--rate 0.0000001", () => ["--rate", "0.0000001"], {}, /TIM_RATE: must be 0 \(off\) or a number from 0.1/],
  [
    "--report-dir /proc/x/y",
    () => ["--report-dir", "/proc/x/y"],
    {},
    /TIM_REPORT_DIR: cannot write to \/proc\/x\/y/,
  ],
];

describe("bad inputs: one line, exit 2, nothing written, no stack trace", () => {
  it.each(INPUTS)("%s", async (_what, argv, env, says) => {
    const dir = tmp("tim-in-");
    const a = argv();
    const r = await call(main, a.includes("--report-dir") ? a : [...a, "--report-dir", dir], env);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(says)]);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^error: TIM_ERR_CONFIG: /);
    expect(r.ms).toBeLessThan(5_000);
    if (!a.includes("--report-dir")) expect(readdirSync(dir)).toEqual([]);
  });

  it("replays a recording made with TIM_USERSIG alone, offline and with no credentials", async () => {
    const emu = await emulator();
    const usersig = mintUserSig({ ...EMULATOR_DEFAULTS, expire: 3600, now: Math.floor(Date.now() / 1000) });
    const env = {
      TIM_USERSIG: usersig,
      TIM_SDKAPPID: String(EMULATOR_DEFAULTS.sdkappid),
      TIM_IDENTIFIER: EMULATOR_DEFAULTS.identifier,
    };
    const file = join(tmp("tim-rec-"), "rec.json");
    const made = await call(
      main,
      ["--base-url", emu.url, "--case", "auth", "--record", file, "--report-dir", tmp("tim-r-")],
      env,
    );
    expect(made.code).toBe(0);
    const replayed = await call(main, ["--replay", file, "--report-dir", tmp("tim-r-")]);
    expect([replayed.code, replayed.err]).toEqual([0, expect.not.stringMatching(/error:/)]);
  });

  it("replaces a report symlinked elsewhere instead of writing through it", async () => {
    const dir = tmp("tim-link-");
    const victim = join(tmp("tim-victim-"), "precious.txt");
    writeFileSync(victim, "precious");
    symlinkSync(victim, join(dir, "conformance.md"));
    expect((await call(main, ["--case", "basic-add", "--report-dir", dir])).code).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(realpathSync(join(dir, "conformance.md"))).toBe(join(realpathSync(dir), "conformance.md"));
    expect(readdirSync(dir).sort()).toEqual([
      "conformance.html",
      "conformance.json",
      "conformance.md",
      "junit.xml",
    ]);
  });
});

describe("the emulator command: bad settings are one line and exit 2, never a stack trace", () => {
  const started = new AbortController();
  const rows: Array<[string, () => Promise<string[]>, Record<string, string>, RegExp]> = [
    [
      "a port in use",
      async () => {
        const s = createServer();
        await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
        setTimeout(() => s.close(), 2000);
        return ["--port", String((s.address() as AddressInfo).port)];
      },
      {},
      /--port: \d+ is in use on 127.0.0.1/,
    ],
    [
      "an address of another machine",
      async () => ["--host", "203.0.113.7", "--port", "0"],
      {},
      /--host: "203.0.113.7" is not an address of this machine/,
    ],
    ["an empty --host (every interface)", async () => ["--host", ""], {}, /--host: is empty/],
    [
      "a --client-report that is a file",
      async () => {
        const f = join(tmp("tim-cr-"), "f");
        writeFileSync(f, "");
        return ["--client-report", f, "--port", "0"];
      },
      {},
      /--client-report: .* is a file/,
    ],
    [
      "TIM_SDKAPPID=1e3",
      async () => ["--port", "0"],
      { TIM_SDKAPPID: "1e3" },
      /TIM_SDKAPPID: must be a whole number/,
    ],
    [
      "TIM_SDKAPPID=0x10",
      async () => ["--port", "0"],
      { TIM_SDKAPPID: "0x10" },
      /TIM_SDKAPPID: must be a whole number/,
    ],
    [
      "a scenario with a typo",
      async () => {
        const f = join(tmp("tim-sc-"), "s.json");
        writeFileSync(f, '[{"answer":"sucess"}]');
        return ["--scenario", f, "--port", "0"];
      },
      {},
      /--scenario: .* is not a valid scenario file: \/0\/answer/,
    ],
    [
      "a scenario answer with no code",
      async () => {
        const f = join(tmp("tim-sc-"), "s.json");
        writeFileSync(f, '[{"answer":{"cod":30011}}]');
        return ["--scenario", f, "--port", "0"];
      },
      {},
      /--scenario: .* is not a valid scenario file: \/0\/answer/,
    ],
  ];
  it.each(rows)("%s", async (_what, argv, env, says) => {
    const r = await call(emulatorMain, await argv(), env, started.signal);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(says)]);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("writes its URL to --ready-file once listening, and stops on the signal", async () => {
    const ready = join(tmp("tim-ready-"), "url");
    const stop = new AbortController();
    const done = call(emulatorMain, ["--port", "0", "--ready-file", ready], {}, stop.signal);
    for (let k = 0; k < 100; k++) {
      try {
        if (/^http:\/\/127\.0\.0\.1:\d+\n$/.test(readFileSync(ready, "utf8"))) break;
      } catch {
        // not written yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const url = readFileSync(ready, "utf8").trim();
    expect((await fetch(`${url}/v4/sns/group_get`, { method: "POST", body: "{}" })).status).toBe(200);
    stop.abort("SIGTERM");
    expect((await done).code).toBe(0);
  });
});

describe("the emulator under load stays bounded", () => {
  it("writes the client report's summaries a bounded number of times, the journal once per request", async () => {
    const dir = tmp("tim-load-");
    const report = new ClientReport(dir);
    const ctx = {
      ...EMULATOR_DEFAULTS,
      admin: EMULATOR_DEFAULTS.identifier,
      now: () => 0,
      seenRandoms: new Set<string>(),
    };
    const req = {
      method: "POST",
      path: "/v4/sns/group_add",
      query: { random: "1" },
      headers: {},
      body: '{"From_Account":"a","GroupName":["g"]}',
    };
    for (let k = 0; k < 3000; k++) report.add(req, checkClientRequest(req, ctx));
    report.flush();
    expect(readFileSync(join(dir, "client-conformance.jsonl"), "utf8").trim().split("\n")).toHaveLength(3000);
    expect(report.summaryWrites).toBeLessThan(60);
    expect(JSON.parse(readFileSync(join(dir, "client-conformance.json"), "utf8"))).toMatchObject({
      requests: 3000,
      shown: 500,
    });
  });

  it("refuses imports past its account cap with 70398 instead of growing without bound", async () => {
    const emu = await emulator({ behaviour: { maxAccounts: 5 } });
    const sig = mintUserSig({ ...EMULATOR_DEFAULTS, expire: 3600, now: Math.floor(Date.now() / 1000) });
    const q = `sdkappid=${EMULATOR_DEFAULTS.sdkappid}&identifier=${EMULATOR_DEFAULTS.identifier}&usersig=${sig}&random=1&contenttype=json`;
    const res = await fetch(`${emu.url}/v4/im_open_login_svc/multiaccount_import?${q}`, {
      method: "POST",
      body: JSON.stringify({ AccountList: Array.from({ length: 8 }, (_, k) => ({ UserID: `u${k}` })) }),
    });
    expect(await res.json()).toMatchObject({ ActionStatus: "OK", FailAccounts: ["u5", "u6", "u7"] });
    const one = await fetch(`${emu.url}/v4/im_open_login_svc/account_import?${q}`, {
      method: "POST",
      body: '{"UserID":"u9"}',
    });
    expect(await one.json()).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 70398 });
    expect(emu.state.users.size).toBe(5);
  });
});
