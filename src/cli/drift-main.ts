import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { resolveSettings } from "../config/settings.js";
import { compareRecordings } from "../drift/compare.js";
import { renderDriftMarkdown } from "../drift/report.js";
import { EXIT, SuiteError } from "../errors.js";
import { loadRecording, RecordingWriter, withRecordedSettings } from "../record/recording.js";
import { consoleProgress } from "../reporters/console.js";
import { runSuite } from "../runner/run.js";
import { Tally } from "../runner/tally.js";
import { parseCli } from "./args.js";
import { envRedactor, failureExit } from "./failure.js";
import type { Io } from "./main.js";

/** Takes `--recording FILE` out of the arguments (the rest are the conformance flags). */
function takeRecording(argv: string[], env: Record<string, string | undefined>): [string, string[]] {
  const k = argv.indexOf("--recording");
  const file = k >= 0 ? argv[k + 1] : env.TIM_RECORDING;
  if (!file)
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      "--recording: name the recording to compare with (made by npm run conformance -- --record FILE)",
    );
  return [file, k >= 0 ? [...argv.slice(0, k), ...argv.slice(k + 2)] : argv];
}

/**
 * `npm run drift`: runs a recording's case set (same seed, cases and sizes)
 * against a target and compares it with the recording, field by field.
 * Exit 1 when a change touches a MUST rule or the schemas; 3 when the run
 * could not be judged; 2 for bad settings.
 */
export async function driftMain(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  const redactor = envRedactor(env);
  try {
    const [file, rest] = takeRecording(argv, env);
    const { recording } = loadRecording(file);
    const resolved = resolveSettings(parseCli(rest, env).raw);
    redactor.add(resolved.secretKey);
    const r = recording.settings;
    const settings = withRecordedSettings(resolved, r);
    const dir = resolve(settings.reportDir);
    mkdirSync(dir, { recursive: true });
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
    writeFileSync(
      join(dir, "drift.json"),
      redactor.redact(
        `${JSON.stringify({ version: 1, recording: file, target: tally.info?.target, ...drift }, null, 2)}\n`,
      ),
    );
    writeFileSync(
      join(dir, "drift.md"),
      redactor.redact(renderDriftMarkdown(drift, file, tally.info?.target ?? "")),
    );
    const breaking = drift.changes.filter((c) => c.breaking).length;
    io.out(
      redactor.redact(
        `${drift.failed ? "DRIFT (breaking)" : drift.changes.length || drift.verdicts.length ? "DRIFT" : "NO DRIFT"}: ${drift.changes.length} field changes (${breaking} breaking), ${drift.verdicts.length} verdict changes, ${drift.openBehaviours.length} open behaviours changed\nreports: ${settings.reportDir}/drift.md, drift.json\n`,
      ),
    );
    if (drift.failed) return EXIT.violation;
    return tally.caseErrors.length > 0 ? EXIT.unjudged : EXIT.pass;
  } catch (e) {
    return failureExit(e, redactor, io.err);
  }
}
