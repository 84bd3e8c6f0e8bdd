import { appendFileSync } from "node:fs";
import { join } from "node:path";
import type { Tally } from "../judge/verdict/tally.js";
import { consoleSummary } from "../report/console.js";
import { jsonLines, verdictLine } from "../report/json-lines.js";
import { REPORT_FILES } from "../report/write.js";
import type { Io } from "./main.js";

/**
 * How a run's outcome reaches the person or program that started it, for `run` and `merge` alike.
 * `--reporter json` (issue 22): stdout carries the JSON lines alone and every human line goes to
 * stderr. GitHub Actions (`--reporter github`, or GITHUB_ACTIONS=true without a reporter): the
 * violations as annotations on stdout; the Markdown in the step summary, also with json (it is a
 * file, not stdout, so the stream stays clean).
 */
export function outputsOf(
  reporter: unknown,
  env: Record<string, string | undefined>,
  io: Io,
  redact: (s: string) => string,
) {
  const json = reporter === "json";
  const github = reporter === "github" || (reporter === undefined && env.GITHUB_ACTIONS === "true");
  return {
    /** the run's events as JSON lines, when asked for */
    lines: json ? jsonLines((l) => io.out(redact(l))) : undefined,
    /** the summary, the annotations, the step summary and the verdict line, once the reports are written */
    async finish(tally: Tally, code: number, reportDir: string, markdown: string): Promise<void> {
      (json ? io.err : io.out)(redact(consoleSummary(tally, reportDir)));
      if (github) {
        const { githubAnnotations } = await import("../report/github.js");
        io.out(redact(githubAnnotations(tally)));
      }
      if ((github || (json && env.GITHUB_ACTIONS === "true")) && env.GITHUB_STEP_SUMMARY)
        appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
      if (json)
        io.out(
          redact(
            verdictLine(
              tally,
              code,
              REPORT_FILES.map((f) => join(reportDir, f)),
            ),
          ),
        );
    },
  };
}
