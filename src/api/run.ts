import { parseCli } from "../config/args.js";
import { type RawSettings, resolveSettings } from "../config/settings.js";
import type { RunEvent } from "../kernel/events.js";
import { ensureWritableDir } from "../kernel/files.js";
import { runRedactor } from "../probe/credentials.js";
import { renderJson } from "../reporters/json.js";
import { type ConformanceResult, conformanceResult, type RuleVerdict } from "../reporters/result.js";
import { runExitCode, writeReports } from "../reporters/write.js";
import { runSuite } from "../runner/run.js";
import { Tally } from "../verdict/tally.js";

export interface RunConformanceOptions {
  /** settings by their keys in the settings table (baseUrl, region, sdkappid, seed, cases, …), as strings */
  settings?: RawSettings;
  /** or command-line arguments, read exactly as `tim-conformance run` reads them (with `env`) */
  argv?: string[];
  env?: Record<string, string | undefined>;
  /** every event of the run, as it happens (case-start, exchange, finding, case-end, …) */
  onEvent?: (e: RunEvent) => void;
  /** aborting stops the current case; cleanup and the result still follow */
  signal?: AbortSignal;
  /** write conformance.md, conformance.json and junit.xml here; nothing is written otherwise */
  reportDir?: string;
}

export type { ConformanceResult, RuleVerdict };

/**
 * Runs the suite and returns its verdict, one entry per rule, and the exit code
 * the CLI would have given. Bad settings reject with a SuiteError whose code is
 * TIM_ERR_CONFIG; the target's faults never reject, they are in the result.
 */
export async function runConformance(o: RunConformanceOptions = {}): Promise<ConformanceResult> {
  const raw = o.argv ? parseCli(o.argv, o.env ?? {}).raw : (o.settings ?? {});
  const settings = resolveSettings(raw);
  const dir = o.reportDir ? ensureWritableDir(o.reportDir, "reportDir") : undefined;
  const tally = new Tally();
  await runSuite({
    settings,
    emit: (e) => {
      tally.listen(e);
      o.onEvent?.(e);
    },
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const exitCode = runExitCode(tally);
  const redactor = runRedactor(settings);
  const redact = (s: string) => redactor.redact(s);
  const json = dir
    ? (await writeReports(dir, tally, exitCode, redact)).json
    : redact(renderJson(tally, exitCode));
  return conformanceResult(tally, exitCode, json, redact);
}
