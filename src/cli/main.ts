import { resolve } from "node:path";
import { CASES } from "../cases/index.js";
import { parseCli, runHelp } from "../config/args.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { resolveSettings, type Settings } from "../config/settings.js";
import type { Clock } from "../kernel/clock.js";
import { EXIT, SuiteError } from "../kernel/errors.js";
import { checkWritableFile, ensureWritableDir, writeAtomic } from "../kernel/files.js";
import { runRedactor } from "../probe/credentials.js";
import type { RecordingWriter } from "../record/recording.js";
import { consoleProgress } from "../reporters/console.js";
import { progressOf } from "../reporters/progress.js";
import { ShardLog } from "../reporters/shard-log.js";
import { runExitCode, writeReports } from "../reporters/write.js";
import { runSuite, selectCases } from "../runner/run.js";
import type { Target } from "../targets/open.js";
import { Tally } from "../verdict/tally.js";
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
  const { RULES } = await import("../rules/catalogue.js");
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

/** Files the run will write, checked before it starts: a bad path is exit 2 now, not an error after an hour. */
function checkOutputs(s: Settings): { dir: string; record?: string } {
  const dir = ensureWritableDir(s.reportDir, "TIM_REPORT_DIR");
  if (!s.live.record) return { dir };
  const record = checkWritableFile(s.live.record, "TIM_RECORD");
  if (s.target.kind === "replay" && resolve(s.target.file) === record)
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      "TIM_RECORD: is the recording being replayed; record to another file",
    );
  return { dir, record };
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
    runRedactor(settings, redactor);
    selectCases(settings.cases);
    const outputs = checkOutputs(settings);
    const tally = new Tally();
    const out = outputsOf(cli.raw.reporter, env, io, (s) => redactor.redact(s));
    const bar = progressOf({ write: io.err, tty: io.tty === true });
    const caseLines = consoleProgress(bar.above);
    // What only the end of the run needs loads then: the first request goes out sooner.
    const recording = outputs.record ? await import("../record/recording.js") : undefined;
    const recorder: RecordingWriter | undefined = recording ? new recording.RecordingWriter() : undefined;
    const shardLog = settings.shard && settings.path === undefined ? new ShardLog() : undefined;
    let ran: string[] = [];
    await runSuite({
      settings,
      emit: (e) => {
        tally.listen(e);
        caseLines(e);
        bar.listen(e);
        out.lines?.(e);
        recorder?.listen(e);
        shardLog?.listen(e);
        if (e.type === "run-start") ran = e.cases;
      },
      ...(io.clock ? { clock: io.clock } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.onTarget ? { onTarget: io.onTarget } : {}),
      ...(io.invocation ? { command: io.invocation } : {}),
    });
    bar.done();
    const setupFailed = tally.caseErrors.find((e) => e.caseId === "setup");
    // Credentials refused on the first call are the settings' fault: exit 2, and the reports say the same.
    const code = runExitCode(tally);
    const { markdown } = await writeReports(
      outputs.dir,
      tally,
      code,
      (s) => redactor.redact(s),
      shardLog?.events,
      // The emulator's development key is public: a MAC under it would prove nothing.
      settings.secretKey !== EMULATOR_DEFAULTS.secretKey ? settings.secretKey : undefined,
    );
    if (recorder && recording && outputs.record) {
      const { prefix, runs, path, replayPath, part, shard } = settings;
      const rec = recorder.finish(tally, {
        signed: Boolean(settings.secretKey),
        seed: tally.info?.seed ?? settings.seed,
        prefix,
        cases: ran,
        runs,
        ...(path ? { path } : {}),
        ...(replayPath ? { replayPath } : {}),
        ...(path && part !== undefined ? { part } : {}),
        ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
      });
      const text = redactor.redact(recording.serialiseRecording(rec));
      writeAtomic(outputs.record, recording.recordingBytes(outputs.record, text), "TIM_RECORD");
    }
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
