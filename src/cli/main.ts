import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CASES } from "../cases/index.js";
import { resolveSettings, type Settings } from "../config/settings.js";
import { FAULTS } from "../emulator/faults/index.js";
import { VARIANTS } from "../emulator/variants.js";
import { EXIT, SuiteError } from "../errors.js";
import { RecordingWriter, serialiseRecording } from "../record/recording.js";
import { consoleProgress, consoleSummary } from "../reporters/console.js";
import { renderJson } from "../reporters/json.js";
import { renderJunit } from "../reporters/junit.js";
import { renderMarkdown } from "../reporters/markdown.js";
import { RULES } from "../rules/catalogue.js";
import type { Clock } from "../runner/clock.js";
import { runSuite, selectCases } from "../runner/run.js";
import { Tally } from "../runner/tally.js";
import type { Target } from "../runner/target.js";
import { HELP, parseCli } from "./args.js";
import { envRedactor, failureExit } from "./failure.js";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  signal?: AbortSignal;
  clock?: Clock;
  onTarget?: (t: Target) => void;
}

function listing(kind: "rules" | "cases" | "faults"): string {
  if (kind === "rules")
    return RULES.map((r) => `${r.id.padEnd(32)} ${r.level.padEnd(6)} ${r.title}`).join("\n");
  if (kind === "cases") return CASES.map((c) => `${c.id.padEnd(24)} ${c.title}`).join("\n");
  return [
    ...FAULTS.map((f) => `fault    ${f.id.padEnd(26)} breaks ${f.breaks.join(", ")}: ${f.title}`),
    ...VARIANTS.map((v) => `variant  ${v.id.padEnd(26)} ${v.title}`),
  ].join("\n");
}

function prepareReportDir(s: Settings): string {
  const dir = resolve(s.reportDir);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, ".write-test"), "");
  } catch (e) {
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `TIM_REPORT_DIR: cannot write to ${dir} (${(e as NodeJS.ErrnoException).code ?? "error"}); choose a writable folder`,
    );
  }
  return dir;
}

/** The whole command: returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: string[], env: Record<string, string | undefined>, io: Io): Promise<number> {
  const redactor = envRedactor(env);
  try {
    const cli = parseCli(argv, env);
    if (cli.help) {
      io.out(HELP);
      return EXIT.pass;
    }
    if (cli.list) {
      io.out(`${listing(cli.list)}\n`);
      return EXIT.pass;
    }
    const settings = resolveSettings(cli.raw);
    redactor.add(settings.secretKey);
    selectCases(settings.cases);
    const dir = prepareReportDir(settings);
    const tally = new Tally();
    const progress = consoleProgress(io.err);
    const recorder = settings.live.record ? new RecordingWriter() : undefined;
    let ran: string[] = [];
    await runSuite({
      settings,
      emit: (e) => {
        tally.listen(e);
        progress(e);
        recorder?.listen(e);
        if (e.type === "run-start") ran = e.cases;
      },
      ...(io.clock ? { clock: io.clock } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.onTarget ? { onTarget: io.onTarget } : {}),
    });
    // Reports pass through the redactor once more: nothing secret reaches the disk.
    writeFileSync(join(dir, "conformance.json"), redactor.redact(renderJson(tally)));
    writeFileSync(join(dir, "junit.xml"), redactor.redact(renderJunit(tally)));
    writeFileSync(join(dir, "conformance.md"), redactor.redact(renderMarkdown(tally)));
    if (recorder && settings.live.record) {
      const { seed, prefix, runs, path, replayPath } = {
        ...settings,
        seed: tally.info?.seed ?? settings.seed,
      };
      const rec = recorder.finish(tally, {
        seed,
        prefix,
        cases: ran,
        runs,
        ...(path ? { path } : {}),
        ...(replayPath ? { replayPath } : {}),
      });
      writeFileSync(resolve(settings.live.record), redactor.redact(serialiseRecording(rec)));
    }
    io.out(redactor.redact(consoleSummary(tally, settings.reportDir)));
    if (io.signal?.aborted) return EXIT.sigint;
    const setupFailed = tally.caseErrors.find((e) => e.caseId === "setup");
    if (setupFailed?.code === "TIM_ERR_CONFIG") {
      io.err(redactor.redact(`error: TIM_ERR_CONFIG: ${setupFailed.message}\n`));
      return EXIT.config;
    }
    if (setupFailed)
      io.err(
        redactor.redact(
          `error: ${setupFailed.code}: could not prepare the suite's accounts: ${setupFailed.message}\n`,
        ),
      );
    return tally.exitCode();
  } catch (e) {
    return failureExit(e, redactor, io.err);
  }
}
