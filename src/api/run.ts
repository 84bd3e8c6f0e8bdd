import { parseCli } from "../config/args.js";
import { type RawSettings, resolveSettings } from "../config/settings.js";
import { EXIT } from "../kernel/errors.js";
import type { RunEvent } from "../kernel/events.js";
import type { Level } from "../kernel/rule.js";
import { type RuleStatus, verdictOf } from "../verdict/tally.js";
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

export interface RuleVerdict {
  id: string;
  level: Level;
  title: string;
  source: string;
  verdict: RuleStatus;
  /** what went wrong, one message per kept failure */
  failures: string[];
}

export interface ConformanceResult {
  exitCode: number;
  verdict: ReturnType<typeof verdictOf>;
  rules: RuleVerdict[];
  /** the MUST rules that failed, by id */
  violated: string[];
  /** why the run is not judged, when it is not */
  unjudged?: string;
  /** conformance.json, as an object */
  report: unknown;
}

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
  const results = tally.results();
  const rules = results.map((r) => ({
    id: r.rule.id,
    level: r.rule.level,
    title: r.rule.title,
    source: r.rule.source,
    verdict: r.status,
    failures: [...r.byCase.values()].flatMap((c) => c.failures.map((f) => redactor.redact(f.message))),
  }));
  const unjudged = exitCode === EXIT.unjudged ? tally.unjudgedReason(results) : undefined;
  return {
    exitCode,
    verdict: verdictOf(exitCode),
    rules,
    violated: rules.filter((r) => r.verdict === "fail").map((r) => r.id),
    ...(unjudged ? { unjudged } : {}),
    report: JSON.parse(json) as unknown,
  };
}
