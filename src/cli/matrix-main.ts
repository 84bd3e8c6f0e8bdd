import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type RawSettings, resolveSettings } from "../config/settings.js";
import { EXIT, SuiteError } from "../errors.js";
import { type MatrixColumn, renderMatrix } from "../reporters/matrix.js";
import { runSuite } from "../runner/run.js";
import { Tally } from "../runner/tally.js";
import { parseCli } from "./args.js";
import { envRedactor, failureExit } from "./failure.js";
import type { Io } from "./main.js";

/**
 * `--target NAME=SPEC`, SPEC one of: emulator[:fault=ID][:variant=ID]…, url=URL,
 * region=NAME, replay=FILE. Everything else is the conformance flags, shared.
 */
function targetOf(spec: string): RawSettings {
  const [kind, ...rest] = spec.split(":");
  if (kind === "emulator") {
    const faults = rest.filter((p) => p.startsWith("fault=")).map((p) => p.slice(6));
    const variants = rest.filter((p) => p.startsWith("variant=")).map((p) => p.slice(8));
    return { faults, variants };
  }
  const value = spec.slice(spec.indexOf("=") + 1);
  if (spec.startsWith("url=")) return { baseUrl: value };
  if (spec.startsWith("region=")) return { region: value };
  if (spec.startsWith("replay=")) return { replay: value };
  throw new SuiteError(
    "TIM_ERR_CONFIG",
    `--target: "${spec}" is not emulator[:fault=ID][:variant=ID], url=URL, region=NAME or replay=FILE`,
  );
}

function takeTargets(argv: string[]): [Array<[string, string]>, string[]] {
  const targets: Array<[string, string]> = [];
  const rest: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] !== "--target") {
      rest.push(argv[k] ?? "");
      continue;
    }
    const t = argv[++k] ?? "";
    const eq = t.indexOf("=");
    if (eq < 1)
      throw new SuiteError("TIM_ERR_CONFIG", `--target: "${t}" needs a name, as in --target clean=emulator`);
    targets.push([t.slice(0, eq), t.slice(eq + 1)]);
  }
  if (targets.length < 2)
    throw new SuiteError("TIM_ERR_CONFIG", "--target: name at least two targets to compare");
  return [targets, rest];
}

/** `npm run matrix`: the suite against several targets, one side-by-side report. Exit 1 if any target fails a MUST rule. */
export async function matrixMain(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  const redactor = envRedactor(env);
  try {
    const [targets, rest] = takeTargets(argv);
    const shared = parseCli(rest, { ...env, TIM_BASE_URL: "", TIM_REGION: "", TIM_REPLAY: "" }).raw;
    const columns: MatrixColumn[] = [];
    let dir = "reports";
    for (const [name, spec] of targets) {
      const settings = resolveSettings({ ...shared, ...targetOf(spec) });
      redactor.add(settings.secretKey);
      dir = settings.reportDir;
      const tally = new Tally();
      io.err(`matrix: ${name} (${spec})\n`);
      await runSuite({ settings, emit: tally.listen, ...(io.signal ? { signal: io.signal } : {}) });
      columns.push({ name, tally });
    }
    const out = resolve(dir);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "matrix.md"), redactor.redact(renderMatrix(columns)));
    const json = columns.map((c) => ({
      target: c.name,
      exitCode: c.tally.exitCode(),
      verdicts: Object.fromEntries(c.tally.results().map((r) => [r.rule.id, r.status])),
    }));
    writeFileSync(
      join(out, "matrix.json"),
      redactor.redact(`${JSON.stringify({ version: 1, targets: json }, null, 2)}\n`),
    );
    for (const j of json)
      io.out(
        `${j.target}: ${j.exitCode === 0 ? "CONFORMANT" : j.exitCode === 1 ? "NOT CONFORMANT" : "NOT JUDGED"}\n`,
      );
    io.out(`reports: ${dir}/matrix.md, matrix.json\n`);
    if (json.some((j) => j.exitCode === EXIT.violation)) return EXIT.violation;
    return json.some((j) => j.exitCode !== 0) ? EXIT.unjudged : EXIT.pass;
  } catch (e) {
    return failureExit(e, redactor, io.err);
  }
}
