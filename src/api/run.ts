import { parseCli } from "../config/args.js";
import { type RawSettings, resolveSettings } from "../config/settings.js";
import type { RunEvent } from "../core/kernel/events.js";
import { type ConformanceResult, conformanceResult, type RuleVerdict } from "../report/result.js";
import { runSession } from "./session.js";

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
  const {
    tally,
    code: exitCode,
    json,
    redactor,
  } = await runSession({
    settings: resolveSettings(raw),
    ...(o.reportDir ? { reportDir: o.reportDir } : {}),
    ...(o.onEvent ? { listeners: [o.onEvent] } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  return conformanceResult(tally, exitCode, json, (s) => redactor.redact(s));
}
