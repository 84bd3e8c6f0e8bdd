import type { RunEvent } from "../core/kernel/events.js";
import type { Exchange } from "../core/kernel/exchange.js";
import { TOOL } from "../core/kernel/version.js";
import { type RuleResult, type Tally, verdictOf } from "../judge/verdict/tally.js";
import { coverageOf } from "./coverage.js";
import { curlCommand, replayCommand } from "./replay.js";

/** Bumped when the shape of conformance.json changes incompatibly. */
export const REPORT_VERSION = 1;

const exchangeJson = (ex: Exchange) => ({
  request: ex.request,
  ...(ex.response ? { response: ex.response } : {}),
  ...(ex.error ? { error: ex.error } : {}),
  ms: Math.round(ex.ms * 10) / 10,
  curl: curlCommand(ex),
});

function ruleJson(r: RuleResult, t: Tally) {
  const info = t.info;
  return {
    id: r.rule.id,
    title: r.rule.title,
    level: r.rule.level,
    source: r.rule.source,
    clause: r.rule.clause,
    verdict: r.status,
    generatedCases: t.generated.get(r.rule.id) ?? 0,
    cases: [...r.byCase].map(([caseId, c]) => ({
      case: caseId,
      passes: c.passes,
      failures: c.failureCount,
      ...(c.skips.length ? { skipped: c.skips } : {}),
      ...(c.errors.length ? { errors: c.errors } : {}),
      ...(c.observations.length ? { observed: c.observations.map((o) => o.value) } : {}),
      evidence: c.failures.map((f) => ({
        ...(f.instancePath !== undefined
          ? { instancePath: f.instancePath, expected: f.expected, actual: f.actual }
          : {}),
        ...(f.exchange ? { exchangeSeq: f.exchange.seq } : {}),
        message: f.message,
        ...(f.exchange ? { exchange: exchangeJson(f.exchange) } : {}),
        ...(info && !info.observed ? { replay: replayCommand(info, caseId, f.replay) } : {}),
      })),
    })),
  };
}

/** conformance.json: versioned, one entry per rule with its verdict and evidence. */
export function renderJson(t: Tally, exitCode = t.exitCode(), shardEvents?: readonly RunEvent[]): string {
  const results = t.results();
  return `${JSON.stringify(
    {
      version: REPORT_VERSION,
      tool: { name: TOOL.name, version: TOOL.version },
      run: {
        ...t.info,
        incomplete: t.incomplete,
        ...(t.interrupted ? { interrupted: t.interrupted } : {}),
        ms: Math.round(t.ms),
        exchanges: t.exchanges,
        evidence: t.evidence(results),
      },
      exitCode,
      verdict: verdictOf(exitCode),
      ...(exitCode === 3 ? { unjudged: t.unjudgedReason(results) } : {}),
      summary: t.counts(results),
      errors: t.caseErrors,
      notices: t.notices,
      rules: results.map((r) => ruleJson(r, t)),
      // Issue 20: which classes of the documented input domain were sent, and what judged them.
      coverage: coverageOf(t),
      // A shard's events, for `tim-conformance merge` (src/judge/verdict/merge.ts).
      ...(t.info?.shard && shardEvents ? { shard: { ...t.info.shard, events: shardEvents } } : {}),
    },
    null,
    2,
  )}\n`;
}
