import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

// Runs the shell steps of a GitHub Actions job or composite action here, as a runner would, for
// the tests of docs/ci/*.yml and action.yml: the GITHUB_OUTPUT/ENV/STEP_SUMMARY files, `${{ }}`
// expressions from a table the test gives (an unknown one fails the test, never passes silently),
// `if:` on step outputs and on failure, and `uses:` steps skipped (they are GitHub's, not ours).
const sh = promisify(execFile);

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

export interface StepLog {
  step: string;
  code: number;
  out: string;
}

/** Replaces each `${{ … }}` by its value in `values`; an expression the test did not give throws. */
export function expand(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
    const v = values[expr];
    if (v === undefined) throw new Error(`the test gives no value for the expression \${{ ${expr} }}`);
    return v;
  });
}

/** Reads KEY=VALUE lines (GITHUB_OUTPUT, GITHUB_ENV). */
const pairs = (file: string): Record<string, string> =>
  Object.fromEntries(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );

/**
 * An `if:` as these files write them: always(), success(), `steps.ID.outputs.NAME == 'V'` and
 * `inputs.NAME == 'V'` joined by &&. Anything else throws: the test must learn the new form.
 */
function gate(
  cond: string,
  failed: boolean,
  outputs: Record<string, Record<string, string>>,
  values: Record<string, string>,
): boolean {
  let always = false;
  let ok = true;
  for (const part of cond.split("&&").map((p) => p.trim())) {
    if (part === "always()") always = true;
    else if (part === "success()") ok &&= !failed;
    else {
      const m = /^(steps\.([\w-]+)\.outputs\.([\w-]+)|inputs\.[\w-]+)\s*==\s*'([^']*)'$/.exec(part);
      if (!m) throw new Error(`the step runner cannot evaluate if: ${cond}`);
      const actual = m[2] && m[3] ? outputs[m[2]]?.[m[3]] : values[m[1] ?? ""];
      ok &&= actual === m[4];
    }
  }
  return always ? ok : ok && !failed;
}

export interface RunOptions {
  work: string;
  env: Record<string, string>;
  /** the values of the `${{ }}` expressions the steps use */
  values?: Record<string, string>;
  /** a step's run text that is skipped (the project's own `npm ci`: the bin is already built here) */
  skip?: (run: string) => boolean;
}

/** Runs the `run` steps in order; returns each step's exit code and output, and the files a runner keeps. */
export async function runSteps(steps: Step[], o: RunOptions) {
  const files = {
    output: join(o.work, "github-output"),
    env: join(o.work, "github-env"),
    summary: join(o.work, "step-summary.md"),
  };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const env: Record<string, string> = {
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: o.work,
    ...o.env,
  };
  const values = o.values ?? {};
  const log: StepLog[] = [];
  const outputs: Record<string, Record<string, string>> = {};
  let failed = false;
  for (const step of steps) {
    if (!step.run) continue;
    if (!gate(step.if ?? "success()", failed, outputs, values)) continue;
    if (o.skip?.(step.run)) continue;
    writeFileSync(files.output, "");
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), values)]),
    );
    const name = step.name ?? step.id ?? "";
    try {
      const r = await sh(
        "bash",
        ["--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step.run, values)],
        {
          cwd: o.work,
          env: { ...env, ...pairs(files.env), ...stepEnv },
          maxBuffer: 32 * 1024 * 1024,
        },
      );
      log.push({ step: name, code: 0, out: `${r.stdout}${r.stderr}` });
    } catch (e) {
      const x = e as { code?: number; stdout?: string; stderr?: string };
      failed = true;
      log.push({
        step: name,
        code: typeof x.code === "number" ? x.code : 1,
        out: `${x.stdout ?? ""}${x.stderr ?? ""}`,
      });
    }
    if (step.id) outputs[step.id] = pairs(files.output);
  }
  return { log, outputs, env: pairs(files.env), summary: readFileSync(files.summary, "utf8") };
}
