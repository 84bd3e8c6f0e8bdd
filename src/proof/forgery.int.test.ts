import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { mergeMain } from "../cli/merge-main.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { closeAll, emulator } from "./support/targets.js";

afterEach(closeAll);

async function run(argv: string[], env: Record<string, string> = {}, command = main) {
  const dir = mkdtempSync(join(tmpdir(), "tim-forge-"));
  let out = "";
  let err = "";
  const code = await command([...argv, "--report-dir", dir], env, {
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  const json = () => JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8"));
  return { code, out, err, dir, json };
}

// biome-ignore lint/suspicious/noExplicitAny: a report is edited field by field, as a forger would
type Json = any;
/** A copy of a shard's report folder with its conformance.json changed. */
function forged(dir: string, change: (j: Json) => void): string {
  const j = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8"));
  change(j);
  const to = mkdtempSync(join(tmpdir(), "tim-forged-"));
  writeFileSync(join(to, "conformance.json"), JSON.stringify(j, null, 2));
  return to;
}

const merge = (dirs: string[], env: Record<string, string> = {}) =>
  run(
    dirs.flatMap((d) => ["--from", d]),
    env,
    mergeMain,
  );

// Issue 21's reproduction: shard 2 of this run fails, shard 1 passes.
const RUN = ["--emulator-fault", "identifier-case-insensitive", "--seed", "6"];

describe("merge proves the shards are the complete shares of one run (issue 21, item 1)", () => {
  it("refuses shard 1 copied as shard 2, and a shard with its dealt cases deleted; never CONFORMANT", async () => {
    const s1 = await run([...RUN, "--shard", "1/2"]);
    const s2 = await run([...RUN, "--shard", "2/2"]);
    expect([s1.code, s2.code]).toEqual([0, 1]);
    expect((await merge([s1.dir, s2.dir])).code).toBe(1);
    // The forgery of the issue: two numbers changed.
    const copy = forged(s1.dir, (j) => {
      j.shard.index = 2;
      j.run.shard.index = 2;
    });
    const m = await merge([s1.dir, copy]);
    expect([m.code, m.err]).toEqual([2, expect.stringMatching(/shard 2\/2 .*not dealt to it/)]);
    // Deleting what a shard was dealt from its log, run-end and all untouched.
    const cut = forged(s2.dir, (j) => {
      let inCase = false;
      j.shard.events = j.shard.events.filter((e: Json) => {
        if (e.type === "case-start" && e.caseId !== "baseline") inCase = true;
        const drop = inCase;
        if (e.type === "case-end") inCase = false;
        return !drop;
      });
    });
    const d = await merge([s1.dir, cut]);
    expect([d.code, d.err]).toEqual([2, expect.stringMatching(/shard 2\/2 .*lacks .* dealt to it/)]);
    // The same log marked incomplete (as an interrupted shard's is): the merged run is not judged.
    const stopped = forged(cut, (j) => {
      const end = j.shard.events.at(-1);
      end.incomplete = true;
    });
    const n = await merge([s1.dir, stopped]);
    expect(n.code).toBe(3);
    expect(n.json().verdict).toBe("NOT JUDGED");
    expect(JSON.stringify(n.json().errors)).toMatch(/TIM_ERR_SHARD_INCOMPLETE/);
  });

  it("refuses shards of different targets or different --runs", async () => {
    const a1 = await run(["--seed", "6", "--case", "basic-add", "--shard", "1/2"]);
    const a2 = await run(["--seed", "6", "--case", "basic-add", "--shard", "2/2"]);
    const other = await run([...RUN, "--case", "basic-add", "--shard", "2/2"]);
    const runs = await run(["--seed", "6", "--case", "basic-add", "--runs", "50", "--shard", "2/2"]);
    expect((await merge([a1.dir, a2.dir])).code).toBe(0);
    const t = await merge([a1.dir, other.dir]);
    expect([t.code, t.err]).toEqual([2, expect.stringMatching(/not shares of one run: .*target/)]);
    const r = await merge([a1.dir, runs.dir]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/not shares of one run: .*runs/)]);
  });

  it("with the run's secret key, a shard's log is signed: any change is refused, and so is merging without the key", async () => {
    const key = "merge-test-secret-key-0123456789abcdefghijkl";
    const emu = await emulator({
      config: { ...EMULATOR_DEFAULTS, secretKey: key, now: () => Math.floor(Date.now() / 1000) },
    });
    const env = {
      TIM_SDKAPPID: String(EMULATOR_DEFAULTS.sdkappid),
      TIM_IDENTIFIER: EMULATOR_DEFAULTS.identifier,
      TIM_SECRET_KEY: key,
    };
    const argv = [
      "--base-url",
      emu.url,
      "--seed",
      "6",
      "--case",
      "basic-add",
      "--case",
      "unknown-from-account",
    ];
    const s1 = await run([...argv, "--shard", "1/2"], env);
    const s2 = await run([...argv, "--shard", "2/2"], env);
    expect([s1.code, s2.code]).toEqual([0, 0]);
    expect(s1.json().shard.mac).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(s1.json())).not.toContain(key.slice(0, 16));
    expect((await merge([s1.dir, s2.dir], env)).code).toBe(0);
    // One pass finding turned into nothing: structurally fine, but not what the run signed.
    const quiet = forged(s2.dir, (j) => {
      const k = j.shard.events.findIndex((e: Json) => e.type === "finding");
      j.shard.events.splice(k, 1);
    });
    const q = await merge([s1.dir, quiet], env);
    expect([q.code, q.err]).toEqual([2, expect.stringMatching(/shard 2\/2: its log's MAC does not verify/)]);
    const stripped = forged(s2.dir, (j) => {
      delete j.shard.mac;
    });
    expect((await merge([s1.dir, stripped], env)).err).toMatch(/shard 2\/2: its log is not signed/);
    const nokey = await merge([s1.dir, s2.dir]);
    expect([nokey.code, nokey.err]).toEqual([2, expect.stringMatching(/signed .*TIM_SECRET_KEY/)]);
    const wrong = await merge([s1.dir, s2.dir], { ...env, TIM_SECRET_KEY: `${key}x` });
    expect(wrong.code).toBe(2);
  });
});
