import { runSession } from "../api/session.js";
import { CASES } from "../cases/index.js";
import { parseCli, runHelp } from "../config/args.js";
import { resolveSettings } from "../config/settings.js";
import type { Clock } from "../core/kernel/clock.js";
import { EXIT } from "../core/kernel/errors.js";
import { consoleProgress } from "../report/console.js";
import { progressOf } from "../report/progress.js";
import type { Target } from "../run/targets/open.js";
import { envRedactor, failureExit, redactedIo } from "./failure.js";
import { answerInfo } from "./info.js";
import { outputsOf } from "./outputs.js";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  signal?: AbortSignal;
  clock?: Clock;
  onTarget?: (t: Target) => void;
  /** stderr is a terminal: progress is one line redrawn in place */
  tty?: boolean;
  /** the command as the user typed it (`npx tim-conformance`, `npm run conformance --`): help and replay commands use it */
  invocation?: string;
}

async function listing(kind: "rules" | "cases" | "faults"): Promise<string> {
  const { RULES } = await import("../core/rules/catalogue.js");
  const { FAULTS } = await import("../emulator/faults/index.js");
  const { VARIANTS } = await import("../emulator/variants.js");
  if (kind === "rules")
    return RULES.map((r) => `${r.id.padEnd(32)} ${r.level.padEnd(6)} ${r.title}`).join("\n");
  if (kind === "cases") return CASES.map((c) => `${c.id.padEnd(24)} ${c.title}`).join("\n");
  return [
    ...FAULTS.map((f) => `fault    ${f.id.padEnd(26)} breaks ${f.breaks.join(", ")}: ${f.title}`),
    ...VARIANTS.map((v) => `variant  ${v.id.padEnd(26)} ${v.title}`),
  ].join("\n");
}

/** The whole command: returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
  rawIo: Io,
): Promise<number> {
  const redactor = envRedactor(env);
  const io = redactedIo(rawIo, redactor);
  try {
    const cli = parseCli(argv, env);
    const info = answerInfo(cli, runHelp, io);
    if (info !== undefined) return info;
    if (cli.explain !== undefined) {
      const { explainRule } = await import("./explain.js");
      io.out(explainRule(cli.explain));
      return EXIT.pass;
    }
    if (cli.list) {
      io.out(`${await listing(cli.list)}\n`);
      return EXIT.pass;
    }
    const settings = resolveSettings(cli.raw);
    const out = outputsOf(cli.raw.reporter, env, io, (s) => redactor.redact(s));
    const bar = progressOf({ write: io.err, tty: io.tty === true });
    const { tally, code, markdown } = await runSession({
      settings,
      redactor,
      reportDir: settings.reportDir,
      listeners: [consoleProgress(bar.above), bar.listen, ...(out.lines ? [out.lines] : [])],
      ...(io.clock ? { clock: io.clock } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.onTarget ? { onTarget: io.onTarget } : {}),
      ...(io.invocation ? { command: io.invocation } : {}),
    });
    bar.done();
    const setupFailed = tally.caseErrors.find((e) => e.caseId === "setup");
    await out.finish(tally, code, settings.reportDir, markdown);
    if (code === EXIT.config) {
      io.err(redactor.redact(`error: TIM_ERR_CONFIG: ${setupFailed?.message}\n`));
      return code;
    }
    if (setupFailed)
      io.err(
        redactor.redact(
          `error: ${setupFailed.code}: could not prepare the suite's accounts: ${setupFailed.message}\n`,
        ),
      );
    return code;
  } catch (e) {
    return failureExit(e, redactor, io.err);
  }
}
