import { join } from "node:path";
import { renderHelp } from "../config/help.js";
import { parseWith } from "../config/parse.js";
import { type RawSettings, resolveSettings } from "../config/settings.js";
import { defaultOf, MATRIX_SETTINGS } from "../config/table.js";
import { EXIT, SuiteError } from "../core/kernel/errors.js";
import { ensureWritableDir, writeAtomic } from "../core/kernel/files.js";
import { runRedactor } from "../judge/probe/credentials.js";
import { Tally, verdictOf } from "../judge/verdict/tally.js";
import { consoleProgress } from "../report/console.js";
import { type MatrixColumn, observed, renderMatrix, renderMatrixHtml } from "../report/matrix.js";
import { progressOf } from "../report/progress.js";
import { runSuite } from "../run/run.js";
import { envRedactor, failureExit, redactedIo } from "./failure.js";
import { answerInfo } from "./info.js";
import type { Io } from "./main.js";
export const MATRIX_HELP = (command: string): string =>
  renderHelp(
    `${command} --target NAME=SPEC --target NAME=SPEC [options]`,
    "Runs the suite against each named target and writes matrix.md and matrix.json side by side.\nExit 1 if any target breaks a MUST rule.",
    MATRIX_SETTINGS,
  );

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
  // An empty value (ours=url=) is kept empty: resolveSettings refuses it rather than judge the emulator.
  const value = spec.slice(spec.indexOf("=") + 1);
  if (spec.startsWith("url=")) return { baseUrl: value };
  if (spec.startsWith("region=")) return { region: value };
  if (spec.startsWith("replay=")) return { replay: value };
  throw new SuiteError(
    "TIM_ERR_CONFIG",
    `--target: "${spec}" is not emulator[:fault=ID][:variant=ID], url=URL, region=NAME or replay=FILE`,
  );
}

function namedTargets(list: string[]): Array<[string, string]> {
  const targets = list.map((t): [string, string] => {
    const eq = t.indexOf("=");
    if (eq < 1)
      throw new SuiteError("TIM_ERR_CONFIG", `--target: "${t}" needs a name, as in --target clean=emulator`);
    return [t.slice(0, eq), t.slice(eq + 1)];
  });
  if (targets.length < 2)
    throw new SuiteError("TIM_ERR_CONFIG", "--target: name at least two targets to compare");
  // Columns, folders and JSON keys go by name: a second target of one name would hide the first.
  const names = targets.map(([name]) => name);
  const twice = names.find((n, k) => names.indexOf(n) !== k);
  if (twice !== undefined)
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `--target: the name "${twice}" is given twice; name each target once`,
    );
  return targets;
}

/** `npm run matrix`: the suite against several targets, one side-by-side report. Exit 1 if any target fails a MUST rule. */
export async function matrixMain(
  argv: string[],
  env: Record<string, string | undefined>,
  rawIo: Io,
): Promise<number> {
  const redactor = envRedactor(env);
  const io = redactedIo(rawIo, redactor);
  try {
    const {
      targets: list,
      help,
      version,
      listRules: _r,
      listCases: _c,
      listFaults: _f,
      ...shared
    } = parseWith(MATRIX_SETTINGS, argv, env);
    const info = answerInfo({ help, version }, MATRIX_HELP, io);
    if (info !== undefined) return info;
    const targets = namedTargets(Array.isArray(list) ? list : []);
    // Every target's settings are checked before the first one runs.
    const plans = targets.map(([name, spec]) => {
      const settings = resolveSettings({ ...(shared as RawSettings), ...targetOf(spec) });
      runRedactor(settings, redactor);
      return { name, spec, settings };
    });
    const dir = ensureWritableDir(
      plans[0]?.settings.reportDir ?? (defaultOf("reportDir") as string),
      "TIM_REPORT_DIR",
    );
    const columns: MatrixColumn[] = [];
    const t0 = performance.now();
    for (const [k, { name, spec, settings }] of plans.entries()) {
      if (io.signal?.aborted) break;
      const tally = new Tally();
      // Issue 22: three lines in 88 s. Each target says when it starts and ends, with the time
      // left at the pace so far, and its long phases report as a run's do.
      const left =
        k > 0
          ? `, about ${Math.round((((performance.now() - t0) / k) * (plans.length - k)) / 1000)} s left`
          : "";
      io.err(`matrix: target ${k + 1}/${plans.length} ${name} (${spec})${left}\n`);
      const bar = progressOf({
        write: io.err,
        tty: io.tty === true,
        prefix: `[${k + 1}/${plans.length} ${name}] `,
      });
      const lines = consoleProgress(bar.above);
      await runSuite({
        settings,
        emit: (e) => {
          tally.listen(e);
          bar.listen(e);
          if (e.type === "case-end" && !io.tty) lines(e);
        },
        ...(io.signal ? { signal: io.signal } : {}),
      });
      bar.done();
      io.err(`matrix: ${name}: ${verdictOf(tally.exitCode())} in ${(tally.ms / 1000).toFixed(1)} s\n`);
      columns.push({ name, tally });
    }
    const incomplete = columns.length < plans.length || columns.some((c) => c.tally.incomplete);
    writeAtomic(join(dir, "matrix.md"), redactor.redact(renderMatrix(columns, incomplete)));
    writeAtomic(join(dir, "matrix.html"), redactor.redact(renderMatrixHtml(columns, incomplete)));
    const json = columns.map((c) => ({
      target: c.name,
      exitCode: c.tally.exitCode(),
      verdicts: Object.fromEntries(c.tally.results().map((r) => [r.rule.id, r.status])),
      observed: Object.fromEntries(
        c.tally
          .results()
          .filter((r) => r.rule.level === "OPEN")
          .map((r) => [r.rule.id, observed(c.tally, r.rule.id)]),
      ),
    }));
    writeAtomic(
      join(dir, "matrix.json"),
      redactor.redact(`${JSON.stringify({ version: 1, incomplete, targets: json }, null, 2)}\n`),
    );
    for (const j of json) io.out(`${j.target}: ${verdictOf(j.exitCode)}\n`);
    io.out(
      `reports: ${plans[0]?.settings.reportDir}/matrix.md, matrix.html, matrix.json${incomplete ? " [incomplete]" : ""}\n`,
    );
    if (json.some((j) => j.exitCode === EXIT.violation)) return EXIT.violation;
    return json.some((j) => j.exitCode !== 0) ? EXIT.unjudged : EXIT.pass;
  } catch (e) {
    return failureExit(e, redactor, io.err);
  }
}
