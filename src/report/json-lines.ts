import type { Listener } from "../core/kernel/events.js";
import { TOOL } from "../core/kernel/version.js";
import { type Tally, verdictOf } from "../judge/verdict/tally.js";
import { curlCommand, replayCommand } from "./replay.js";

/** Bumped when a line's shape changes incompatibly; every line carries it (schemas/outputs/json-lines.json). */
export const JSON_LINES_VERSION = 1;

/**
 * `--reporter json` (issue 22): the run's events as JSON lines on stdout, one object per line, for
 * pipelines and other tools; the last line is the verdict (`verdictLine`). Exchanges and passing
 * judgements are not lines of their own (a default run makes tens of thousands): each case's end
 * counts them, and a failing finding carries its exchange's number, replay command and curl.
 */
export function jsonLines(write: (line: string) => void): Listener {
  const counts = new Map<
    string,
    { passes: number; failures: number; warnings: number; exchanges: number; generated: number }
  >();
  const of = (caseId: string) => {
    let c = counts.get(caseId);
    if (!c) {
      c = { passes: 0, failures: 0, warnings: 0, exchanges: 0, generated: 0 };
      counts.set(caseId, c);
    }
    return c;
  };
  let info: Parameters<typeof replayCommand>[0] | undefined;
  const line = (o: Record<string, unknown>) => write(`${JSON.stringify({ v: JSON_LINES_VERSION, ...o })}\n`);
  return (e) => {
    switch (e.type) {
      case "run-start":
        info = e.info;
        line({
          type: "run-start",
          tool: TOOL,
          ...e.info,
          cases: e.cases,
          ...(e.planned !== undefined ? { planned: e.planned } : {}),
        });
        break;
      case "case-start":
        of(e.caseId);
        line({
          type: "case-start",
          caseId: e.caseId,
          title: e.title,
          ...(e.planned ? { planned: e.planned } : {}),
        });
        break;
      case "exchange":
        of(e.caseId).exchanges += 1;
        break;
      case "generated":
        of(e.caseId).generated += 1;
        break;
      case "finding": {
        const f = e.finding;
        const c = of(f.caseId);
        if (f.outcome === "pass") {
          c.passes += 1;
          break;
        }
        if (f.level === "MUST") c.failures += 1;
        else c.warnings += 1;
        line({
          type: "finding",
          rule: f.rule,
          level: f.level,
          caseId: f.caseId,
          outcome: f.outcome,
          message: f.message,
          ...(f.instancePath !== undefined
            ? { instancePath: f.instancePath, expected: f.expected, actual: f.actual }
            : {}),
          ...(f.exchange ? { exchangeSeq: f.exchange.seq, curl: curlCommand(f.exchange) } : {}),
          ...(info ? { replay: replayCommand(info, f.caseId, f.replay) } : {}),
        });
        break;
      }
      case "observation":
        line({
          type: "observation",
          rule: e.observation.rule,
          caseId: e.observation.caseId,
          value: e.observation.value,
        });
        break;
      case "case-end":
        line({ type: "case-end", caseId: e.caseId, ms: Math.round(e.ms), ...of(e.caseId) });
        break;
      case "part":
      case "skip":
      case "case-error":
      case "notice":
      case "run-end":
        line({ ...e });
        break;
    }
  };
}

/** The last line: the verdict, its exit code, the rules by outcome and where the reports are. */
export function verdictLine(t: Tally, exitCode: number, reports: string[]): string {
  const results = t.results();
  const ids = (status: string) => results.filter((r) => r.status === status).map((r) => r.rule.id);
  const unjudged = exitCode === 3 ? t.unjudgedReason(results) : undefined;
  return `${JSON.stringify({
    v: JSON_LINES_VERSION,
    type: "verdict",
    verdict: verdictOf(exitCode),
    exitCode,
    counts: t.counts(results),
    violated: ids("fail"),
    warnings: ids("warn"),
    ...(unjudged ? { unjudged } : {}),
    incomplete: t.incomplete,
    reports,
  })}\n`;
}
