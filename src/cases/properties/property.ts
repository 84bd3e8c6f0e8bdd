import fc from "fast-check";
import { SuiteError } from "../../core/kernel/errors.js";
import type { Finding, RunEvent } from "../../core/kernel/events.js";
import type { CaseContext } from "../../judge/probe/context.js";

export interface PropertySettings {
  seed: number;
  runs: number;
  /** a fast-check path: replays exactly one (shrunk) case */
  path?: string;
  /** the part of a generated phase this is (src/cases/properties/parts.ts); its replay names it */
  part?: number;
}

export interface PropertyRun<T> {
  t: CaseContext;
  arbitrary: fc.Arbitrary<T>;
  settings: PropertySettings;
  /** judges one generated value; throws ModelFailure to stop a sequence early */
  judge: (probe: CaseContext, value: T) => Promise<void>;
  describe: (value: T) => string;
  /** more flags that replay the value exactly (a command sequence's replayPath) */
  replayFlags?: (value: T) => string[];
}

/**
 * Shrink candidates evaluated against the target after the first failure. Each
 * costs real calls (a live service, a slow proxy): past this budget the
 * smallest failure found so far is the one reported.
 */
export const SHRINK_BUDGET = 150;

/** Thrown by a stateful command once a MUST rule failed: the sequence is a counterexample. */
export class ModelFailure extends Error {}

const mustFailed = (events: RunEvent[]): boolean =>
  events.some((e) => e.type === "finding" && e.finding.outcome === "fail" && e.finding.level === "MUST");

const rulesOf = (events: RunEvent[]): string[] => [
  ...new Set(
    events.flatMap((e) =>
      e.type === "finding" ? [e.finding.rule] : e.type === "observation" ? [e.observation.rule] : [],
    ),
  ),
];

/**
 * Runs a fast-check property whose every run judges through a probe. Passing
 * runs are forwarded as they are; a MUST failure makes fast-check shrink, and
 * only the smallest failing run is reported, with the seed and path that replay
 * it. A suite error (the target went away) stops the property: it is never
 * shrunk as if it were a violation.
 */
export async function checkProperty<T>(p: PropertyRun<T>): Promise<void> {
  const forward = (events: RunEvent[]) => {
    for (const e of events) p.t.emitRaw(e);
  };
  let suiteError: SuiteError | undefined;
  let lastFailure: { value: T; events: RunEvent[] } | undefined;
  let shrinkRuns = 0;
  const property = fc.asyncProperty(p.arbitrary, async (value) => {
    if (suiteError) return true;
    // Once failing, every further call is a shrink candidate; past the budget they are not tried.
    if (lastFailure && ++shrinkRuns > SHRINK_BUDGET) return true;
    const events: RunEvent[] = [];
    try {
      await p.judge(
        p.t.derive((e) => events.push(e)),
        value,
      );
    } catch (e) {
      if (e instanceof SuiteError) {
        suiteError = e;
        return true;
      }
      if (!(e instanceof ModelFailure)) throw e;
    }
    if (mustFailed(events)) {
      lastFailure = { value, events };
      return false;
    }
    forward(events);
    p.t.emitRaw({ type: "generated", caseId: p.t.caseId, rules: rulesOf(events) });
    return true;
  });
  const details = await fc.check(property, {
    seed: p.settings.seed,
    numRuns: p.settings.runs,
    ...(p.settings.path ? { path: p.settings.path } : {}),
  });
  if (suiteError) throw suiteError;
  if (details.failed && details.errorInstance && !lastFailure) throw details.errorInstance;
  if (details.failed && lastFailure && details.counterexamplePath) {
    const part = p.settings.part;
    const replay = [
      ...(part !== undefined ? ["--part", String(part)] : []),
      "--path",
      details.counterexamplePath,
      ...(p.replayFlags?.(lastFailure.value) ?? []),
    ];
    const what = p.describe(lastFailure.value);
    const budget =
      shrinkRuns > SHRINK_BUDGET ? `, shrinking stopped at its budget of ${SHRINK_BUDGET} tries` : "";
    const shrunk = `shrunk counterexample after ${details.numRuns} runs and ${details.numShrinks} shrinks${budget} (${part !== undefined ? `part ${part}, ` : ""}seed ${details.seed}, path ${details.counterexamplePath}): ${what}`;
    const events = lastFailure.events.map((e): RunEvent => {
      if (e.type !== "finding" || e.finding.outcome !== "fail") return e;
      const finding: Finding = { ...e.finding, message: `${e.finding.message} — ${shrunk}`, replay };
      return { type: "finding", finding };
    });
    forward(events);
    p.t.emitRaw({ type: "generated", caseId: p.t.caseId, rules: rulesOf(events) });
  }
}
