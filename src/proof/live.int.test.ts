import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { driftMain } from "../cli/drift-main.js";
import { main } from "../cli/main.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { resolveSettings } from "../config/settings.js";
import type { EmulatorOptions, RunningEmulator } from "../emulator/server.js";
import { startEmulator } from "../emulator/server.js";
import { Tally } from "../judge/verdict/tally.js";
import { runSuite } from "../run/run.js";

// The live code path (limiter, retries, back-off, backup domain, UserSig renewal, record,
// replay, drift) end to end against the emulator over loopback: no internet, no credentials.
const SMALL = ["--case", "basic-add", "--case", "add-with-friends", "--case", "empty-name"];
const running: RunningEmulator[] = [];
afterEach(async () => {
  for (const e of running.splice(0)) await e.close();
});
async function emulator(o: Partial<EmulatorOptions> = {}): Promise<string> {
  const e = await startEmulator({
    config: { ...EMULATOR_DEFAULTS, now: () => Math.floor(Date.now() / 1000) },
    ...o,
  });
  running.push(e);
  return e.url;
}
async function cli(run: typeof main, argv: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "tim-live-"));
  let out = "";
  let err = "";
  const code = await run(
    [...argv, "--report-dir", dir],
    {},
    { out: (s) => (out += s), err: (s) => (err += s) },
  );
  return { code, out, err, dir, report: (f: string) => readFileSync(join(dir, f), "utf8") };
}
const count60007 = (md: string) => (md.match(/60007/g) ?? []).length;

describe("rate limits and transient faults", () => {
  it("at 40/s sees no throttle from a service that throttles above 50/s", async () => {
    const url = await emulator({ throttlePerSecond: 50 });
    const r = await cli(main, ["--base-url", url, "--rate", "40", ...SMALL]);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/throttled/);
    expect(count60007(r.report("conformance.json"))).toBe(0);
  });

  it("configured too high, recovers through back-off without a false violation", async () => {
    const url = await emulator({ throttlePerSecond: 50 });
    const r = await cli(main, [
      "--base-url",
      url,
      "--rate",
      "1000",
      "--backoff-ms",
      "300",
      "--retries",
      "6",
      ...SMALL,
      "--case",
      "group-cap",
    ]);
    expect(r.err).toMatch(/note: \w+: throttled \(ErrorCode 60007\); rate now 500\.0\/s/);
    expect(r.out).toMatch(/^CONFORMANT/m);
    expect(r.code).toBe(0);
  });

  it("paces itself to a target enforcing a limit with 60007: the same verdicts as unthrottled, and the pace it settled at", async () => {
    // The limiter is off against loopback: the suite sends as fast as it can. The documented limit
    // is 200/s; 50/s here, so that even a slow machine's run goes past it.
    const argv = ["--seed", "7", "--case", "property-valid", "--runs", "20"];
    const throttled = await cli(main, ["--base-url", await emulator({ throttlePerSecond: 50 }), ...argv]);
    expect(throttled.err).toMatch(/note: \w+: throttled \(ErrorCode 60007\); rate now \d+\.\d\/s/);
    expect(throttled.out).toMatch(/^CONFORMANT/m);
    expect(throttled.code).toBe(0);
    const free = await cli(main, ["--base-url", await emulator(), ...argv]);
    const verdicts = (r: typeof free) =>
      (
        JSON.parse(r.report("conformance.json")) as { rules: Array<{ id: string; status: string }> }
      ).rules.map((x) => `${x.id} ${x.status}`);
    expect(verdicts(throttled)).toEqual(verdicts(free));
    const notices = (JSON.parse(throttled.report("conformance.json")) as { notices: string[] }).notices;
    expect(notices.at(-1)).toMatch(
      /^pace: the target answered \d+ call\(s\) with a frequency-limit code; the suite slowed down and settled at \d+\.\d calls\/s for the sns calls \(lowest \d+\.\d\/s\)/,
    );
    expect(free.report("conformance.json")).not.toMatch(/pace:/);
  });

  it("retries transient 30006 answers and never reports them as violations", async () => {
    const url = await emulator({ transientEvery: 3 });
    const r = await cli(main, ["--base-url", url, "--backoff-ms", "5", ...SMALL]);
    expect(r.code).toBe(0);
    expect(r.report("conformance.md")).toMatch(
      /request\(s\) retried \(transient or throttled answers are never judged\)/,
    );
  });

  it("ends with exit 3 and a clear message when a transient answer persists", async () => {
    const url = await emulator({ transientEvery: 1 });
    const r = await cli(main, ["--base-url", url, "--backoff-ms", "5", "--case", "basic-add"]);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/^NOT JUDGED/m);
    expect(r.err).toMatch(/TIM_ERR_TRANSIENT:? .*group_add: ErrorCode 30006 persisted after 4 tries/);
  });

  it("falls back to the backup address when the primary refuses connections", async () => {
    const url = await emulator();
    const dead = await emulator();
    await running.pop()?.close();
    const r = await cli(main, ["--base-url", dead, "--backup-url", url, ...SMALL]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /note: primary address unreachable .*ECONNREFUSED.*switching to the backup domain http:\/\/127\.0\.0\.1:\d+/,
    );
  });

  it("renews UserSigs before they expire on a long run", async () => {
    // Every reading of the clock moves it 2 s; signatures live 60 s: without renewal they expire mid-run.
    let t = 1_764_000_000;
    const clock = { now: () => (t += 2) };
    const tally = new Tally();
    const settings = resolveSettings({
      usersigTtl: "60",
      cases: ["basic-add", "add-with-friends", "group-cap"],
      seed: "1",
    });
    await runSuite({ settings, emit: tally.listen, clock });
    expect(tally.caseErrors).toEqual([]);
    expect(tally.exitCode()).toBe(0);
  });
});

describe("record, replay and drift", () => {
  it("replays a recording offline with identical verdicts, and the recording holds no secret", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tim-rec-")), "rec.json");
    const rec = await cli(main, ["--record", file, "--runs", "15", "--seed", "21"]);
    expect(rec.code).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain(EMULATOR_DEFAULTS.secretKey);
    expect(text).not.toMatch(/eJ[A-Za-z0-9*_-]{40,}/);
    expect(text).not.toMatch(/sdkappid=1400000000/);
    const recorded = JSON.parse(text) as { verdicts: Record<string, string> };
    const rep = await cli(main, ["--replay", file]);
    expect(rep.code).toBe(0);
    const replayed = Object.fromEntries(
      (JSON.parse(rep.report("conformance.json")).rules as Array<{ id: string; verdict: string }>).map(
        (r) => [r.id, r.verdict],
      ),
    );
    expect(replayed).toEqual(recorded.verdicts);
  });

  it("records to *.gz compressed, replays it with 4 lanes, and its definitions are nock's own", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tim-rec-")), "rec.json.gz");
    const rec = await cli(main, ["--record", file, "--runs", "40", "--seed", "22", "--lanes", "1"]);
    expect(rec.code).toBe(0);
    const bytes = readFileSync(file);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const text = gunzipSync(bytes).toString("utf8");
    expect(text.length).toBeGreaterThan(5 * bytes.length);
    // Parts ran one at a time when recorded and four at once when replayed: same verdicts.
    const rep = await cli(main, ["--replay", file, "--lanes", "4"]);
    expect(rep.code).toBe(0);
    const verdicts = (r: string) =>
      (JSON.parse(r).rules as Array<{ id: string; verdict: string }>).map((x) => [x.id, x.verdict]);
    expect(Object.fromEntries(verdicts(rep.report("conformance.json")))).toEqual(JSON.parse(text).verdicts);
    // A real consumer: nock.define takes the definitions, and a recorded request gets its answer.
    const { definitions } = JSON.parse(text) as { definitions: nock.Definition[] };
    const first = definitions.find((d) => String(d.path).startsWith("/v4/sns/group_add")) as nock.Definition;
    nock.disableNetConnect();
    try {
      nock.define([first]);
      const res = await fetch(`${first.scope}${first.path}`, { method: "POST", body: String(first.body) });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(first.response);
    } finally {
      nock.cleanAll();
      nock.enableNetConnect();
    }
  });

  it("calls a request the recording cannot answer a suite error, not a violation", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tim-rec-")), "rec.json");
    await cli(main, ["--record", file, "--case", "basic-add"]);
    const rec = JSON.parse(readFileSync(file, "utf8"));
    rec.definitions = rec.definitions.filter(
      (d: { path: string }) => !d.path.startsWith("/v4/sns/group_add"),
    );
    writeFileSync(file, JSON.stringify(rec));
    const rep = await cli(main, ["--replay", file]);
    expect(rep.code).toBe(3);
    expect(rep.err).toMatch(
      /TIM_ERR_REPLAY_MISS:? .*group_add: the recording has no answer for \/v4\/sns\/group_add/,
    );
    expect(rep.out).not.toMatch(/^FAIL /m);
  });

  it('reports exactly what changed: ErrorInfo "0" on success is a text change and an open behaviour, exit 0', async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tim-rec-")), "rec.json");
    await cli(main, ["--record", file, ...SMALL]);
    const url = await emulator({ behaviour: { successErrorInfo: "0" } });
    const d = await cli(driftMain, ["--recording", file, "--base-url", url]);
    expect(d.code).toBe(0);
    const drift = JSON.parse(d.report("drift.json"));
    const kinds = new Set(
      drift.changes.map(
        (c: { kind: string; field: string; before: string; after: string }) =>
          `${c.kind} ${c.field} ${c.before}→${c.after}`,
      ),
    );
    expect([...kinds]).toEqual(["changed-text /ErrorInfo →0"]);
    expect(drift.verdicts).toEqual([]);
    expect(drift.openBehaviours.map((o: { rule: string }) => o.rule)).toEqual(["open-success-error-info"]);
  });

  it("fails (exit 1) when a change touches a MUST rule and the schemas", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "tim-rec-")), "rec.json");
    await cli(main, ["--record", file, ...SMALL]);
    const d = await cli(driftMain, ["--recording", file, "--emulator-fault", "sequence-missing"]);
    expect(d.code).toBe(1);
    const drift = JSON.parse(d.report("drift.json"));
    expect(drift.verdicts).toContainEqual({
      rule: "success-sequence",
      level: "MUST",
      before: "pass",
      after: "fail",
    });
    expect(drift.changes).toContainEqual(
      expect.objectContaining({
        kind: "missing-field",
        command: "group_add",
        field: "/CurrentSequence",
        breaking: true,
      }),
    );
    expect(d.report("drift.md")).toMatch(/DRIFT TOUCHES A MUST RULE OR THE SCHEMAS/);
  });
});
