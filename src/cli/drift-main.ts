import { join } from "node:path";
import { CASES } from "../cases/index.js";
import { renderHelp } from "../config/help.js";
import { parseWith } from "../config/parse.js";
import { type RawSettings, resolveSettings } from "../config/settings.js";
import { DRIFT_SETTINGS } from "../config/table.js";
import { EXIT, SuiteError } from "../core/kernel/errors.js";
import { ensureWritableDir, writeAtomic } from "../core/kernel/files.js";
import { runRedactor } from "../judge/probe/credentials.js";
import { Tally } from "../judge/verdict/tally.js";
import { consoleProgress } from "../report/console.js";
import { compareRecordings } from "../report/drift/compare.js";
import { renderDriftMarkdown } from "../report/drift/report.js";
import { loadRecording, RecordingWriter, withRecordedSettings } from "../report/record/recording.js";
import { runSuite } from "../run/run.js";
import { envRedactor, failureExit, redactedIo } from "./failure.js";
import { answerInfo } from "./info.js";
import type { Io } from "./main.js";

export const DRIFT_HELP = (command: string): string =>
  renderHelp(
    `${command} --recording FILE [target] [options]`,
    "Runs a recording's case set (same seed, cases and sizes) against a target and compares the answers\nwith the recording, field by field. Exit 1 when a change touches a MUST rule or the schemas.",
    DRIFT_SETTINGS,
  );

/**
 * `npm run drift`: runs a recording's case set (same seed, cases and sizes)
 * against a target and compares it with the recording, field by field.
 * Exit 1 when a change touches a MUST rule or the schemas; 3 when the run
 * could not be judged; 2 for bad settings; 130/143 when interrupted (partial reports).
 */
export async function driftMain(
  argv: string[],
  env: Record<string, string | undefined>,
  rawIo: Io,
): Promise<number> {
  const redactor = envRedactor(env);
  const io = redactedIo(rawIo, redactor);
  try {
    const {
      recording: file,
      help,
      version,
      listRules: _r,
      listCases: _c,
      listFaults: _f,
      ...raw
    } = parseWith(DRIFT_SETTINGS, argv, env);
    const info = answerInfo({ help, version }, DRIFT_HELP, io);
    if (info !== undefined) return info;
    if (typeof file !== "string")
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        "--recording: name the recording to compare with (made by tim-conformance run --record FILE)",
      );
    const { recording } = loadRecording(
      file,
      CASES.map((c) => c.id),
    );
    const resolved = resolveSettings(raw as RawSettings);
    runRedactor(resolved, redactor);
    const r = recording.settings;
    const settings = withRecordedSettings(resolved, r);
    const dir = ensureWritableDir(settings.reportDir, "TIM_REPORT_DIR");
    const tally = new Tally();
    const writer = new RecordingWriter();
    const progress = consoleProgress(io.err);
    await runSuite({
      settings,
      emit: (e) => {
        tally.listen(e);
        writer.listen(e);
        progress(e);
      },
      ...(io.signal ? { signal: io.signal } : {}),
    });
    const now = writer.finish(tally, r);
    const drift = compareRecordings(recording, now);
    const incomplete = tally.incomplete ? { incomplete: true, interrupted: tally.interrupted ?? null } : {};
    writeAtomic(
      join(dir, "drift.json"),
      redactor.redact(
        `${JSON.stringify({ version: 1, recording: file, target: tally.info?.target, ...incomplete, ...drift }, null, 2)}\n`,
      ),
    );
    writeAtomic(
      join(dir, "drift.md"),
      redactor.redact(
        `${tally.incomplete ? "> **Incomplete run**: interrupted or stopped early; only what ran is compared.\n\n" : ""}${renderDriftMarkdown(drift, file, tally.info?.target ?? "")}`,
      ),
    );
    const breaking = drift.changes.filter((c) => c.breaking).length;
    io.out(
      redactor.redact(
        `${drift.failed ? "DRIFT (breaking)" : drift.changes.length || drift.verdicts.length ? "DRIFT" : "NO DRIFT"}: ${drift.changes.length} field changes (${breaking} breaking), ${drift.verdicts.length} verdict changes, ${drift.openBehaviours.length} open behaviours changed${tally.incomplete ? " [incomplete]" : ""}\nreports: ${settings.reportDir}/drift.md, drift.json\n`,
      ),
    );
    if (tally.interrupted) return tally.exitCode();
    if (drift.failed) return EXIT.violation;
    return tally.caseErrors.length > 0 ? EXIT.unjudged : EXIT.pass;
  } catch (e) {
    return failureExit(e, redactor, io.err);
  }
}
