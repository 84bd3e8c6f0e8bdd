import { renderJson } from "../../report/json.js";
import { type ConformanceResult, conformanceResult } from "../../report/result.js";
import { writeReports } from "../../report/write.js";
import { OBSERVED, type ObserveTally } from "./tally.js";

/** The verdict over what passed so far, as `runConformance` returns a run's, with the same exit codes. */
export type ObserveResult = ConformanceResult;

/** The counts of an observation, in words: the first notices of the report. */
function summary(t: ObserveTally, upstream: string): string[] {
  const s = t.seen;
  const by = [...s.byCommand].map(([c, n]) => `${c || "(no API path)"} ${n}`).join(", ");
  const lines = [
    `observed ${t.exchanges} exchange(s) between clients and ${upstream} (${by || "none"}); ${s.judgedAnswers} group_add answer(s) judged`,
  ];
  if (s.upstreamFailures)
    lines.push(
      `${s.upstreamFailures} request(s) got no answer from the upstream, or a gateway status: each was passed to the client as it came, and none is judged (the first are listed below)`,
    );
  if (s.overlapped)
    lines.push(
      `${s.overlapped} call(s) overlapped another call of the same account: judged on their own, not against the model, which reads the account afresh afterwards`,
    );
  if (s.tooLarge)
    lines.push(`${s.tooLarge} request(s) or answer(s) too large to copy: forwarded whole, not judged`);
  if (s.clientGaveUp)
    lines.push(`${s.clientGaveUp} request(s) the client closed before the answer: not judged`);
  return lines;
}

/**
 * Writes the run's four reports from the observation so far (or only renders conformance.json
 * without `dir`), every text through `redact` once more, and returns the verdict. May be called
 * any number of times while traffic passes: each call reports everything seen until then.
 */
export async function observeReport(
  t: ObserveTally,
  o: { upstream: string; startedAt: number; dir?: string; redact: (s: string) => string },
): Promise<ObserveResult & { json: string }> {
  const ms = performance.now() - o.startedAt;
  t.ms = ms;
  t.caseMs.set(OBSERVED, ms);
  t.notices.splice(0, t.notices.length, ...summary(t, o.upstream), ...t.notes);
  const results = t.results();
  const exitCode = t.exitCode(results);
  const json = o.dir
    ? (await writeReports(o.dir, t, exitCode, o.redact)).json
    : o.redact(renderJson(t, exitCode));
  return { ...conformanceResult(t, exitCode, json, o.redact), json };
}
