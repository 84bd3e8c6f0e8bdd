import { resolve } from "node:path";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import type { Settings } from "../config/settings.js";
import type { Clock } from "../core/kernel/clock.js";
import { SuiteError } from "../core/kernel/errors.js";
import type { Listener } from "../core/kernel/events.js";
import { checkWritableFile, ensureWritableDir, writeAtomic } from "../core/kernel/files.js";
import { runRedactor } from "../judge/probe/credentials.js";
import { Tally } from "../judge/verdict/tally.js";
import { renderJson } from "../report/json.js";
import type { RecordingWriter } from "../report/record/recording.js";
import { ShardLog } from "../report/shard-log.js";
import { runExitCode, writeReports } from "../report/write.js";
import { runSuite, selectCases } from "../run/run.js";
import type { Target } from "../run/targets/open.js";
import type { Redactor } from "../transport/redact.js";

/** What a run needs besides its settings: who listens, and how it may be stopped. */
export interface SessionOptions {
  settings: Settings;
  /** extends this redactor (the CLI's, which already knows the environment's secrets) */
  redactor?: Redactor;
  /** write every report into this folder; none when absent (the library may want only the result) */
  reportDir?: string;
  listeners?: readonly Listener[];
  clock?: Clock;
  signal?: AbortSignal;
  onTarget?: (t: Target) => void;
  /** how the user started the tool, for replay commands */
  command?: string;
}

/** A finished run: its verdicts, its exit code, and what was written. */
export interface SessionResult {
  tally: Tally;
  code: number;
  /** conformance.json as written (or as it would be), redacted */
  json: string;
  /** conformance.md as written, redacted ("" when no reports were written) */
  markdown: string;
  redactor: Redactor;
}

/**
 * One run, wired once for the command line and the library alike (issue 24): the files it will write
 * checked before the first request, the tally, the shard log and the recording listening, the suite
 * run, the exit code, the reports and the recording written, all through one redactor.
 */
export async function runSession(o: SessionOptions): Promise<SessionResult> {
  const s = o.settings;
  const redactor = runRedactor(s, o.redactor);
  selectCases(s.cases);
  const dir = o.reportDir !== undefined ? ensureWritableDir(o.reportDir, "TIM_REPORT_DIR") : undefined;
  const recordFile = recordTarget(s);
  const tally = new Tally();
  // What only the end of the run needs loads then: the first request goes out sooner.
  const recording = recordFile ? await import("../report/record/recording.js") : undefined;
  const recorder: RecordingWriter | undefined = recording ? new recording.RecordingWriter() : undefined;
  const shardLog = s.shard && s.path === undefined ? new ShardLog() : undefined;
  let ran: string[] = [];
  await runSuite({
    settings: s,
    emit: (e) => {
      tally.listen(e);
      recorder?.listen(e);
      shardLog?.listen(e);
      for (const l of o.listeners ?? []) l(e);
      if (e.type === "run-start") ran = e.cases;
    },
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onTarget ? { onTarget: o.onTarget } : {}),
    ...(o.command ? { command: o.command } : {}),
  });
  const code = runExitCode(tally);
  const redact = (text: string) => redactor.redact(text);
  // The emulator's development key is public: a MAC under it would prove nothing.
  const sealKey = s.secretKey !== EMULATOR_DEFAULTS.secretKey ? s.secretKey : undefined;
  const written = dir
    ? await writeReports(dir, tally, code, redact, shardLog?.events, sealKey)
    : { json: redact(renderJson(tally, code)), markdown: "" };
  if (recorder && recording && recordFile) {
    const { prefix, runs, path, replayPath, part, shard } = s;
    const rec = recorder.finish(tally, {
      signed: Boolean(s.secretKey),
      seed: tally.info?.seed ?? s.seed,
      prefix,
      cases: ran,
      runs,
      ...(path ? { path } : {}),
      ...(replayPath ? { replayPath } : {}),
      ...(path && part !== undefined ? { part } : {}),
      ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
    });
    const text = redactor.redact(recording.serialiseRecording(rec));
    writeAtomic(recordFile, recording.recordingBytes(recordFile, text), "TIM_RECORD");
  }
  return { tally, code, ...written, redactor };
}

/** The recording file, checked before the run: a bad path is exit 2 now, not an error after an hour. */
function recordTarget(s: Settings): string | undefined {
  if (!s.live.record) return undefined;
  const record = checkWritableFile(s.live.record, "TIM_RECORD");
  if (s.target.kind === "replay" && resolve(s.target.file) === record)
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      "TIM_RECORD: is the recording being replayed; record to another file",
    );
  return record;
}
