import { join } from "node:path";
import { EXIT } from "../kernel/errors.js";
import type { RunEvent } from "../kernel/events.js";
import { writeAtomic } from "../kernel/files.js";
import type { Tally } from "../verdict/tally.js";

/** The exit code of a whole run: credentials refused on the very first call are the settings' fault (2). */
export function runExitCode(t: Tally): number {
  const setup = t.caseErrors.find((e) => e.caseId === "setup");
  return setup?.code === "TIM_ERR_CONFIG" && !t.interrupted ? EXIT.config : t.exitCode();
}

/** What writeReports writes, in the order the console names them. */
export const REPORT_FILES = ["conformance.md", "conformance.html", "conformance.json", "junit.xml"];

/**
 * Writes conformance.json, junit.xml, conformance.md and conformance.html, each through `redact`
 * once more (nothing secret reaches the disk), and returns the JSON and the Markdown as written
 * (the GitHub step summary reuses it). The renderers load only here:
 * a run's start-up does not pay for them.
 */
export async function writeReports(
  dir: string,
  t: Tally,
  code: number,
  redact: (s: string) => string,
  shardEvents?: readonly RunEvent[],
): Promise<{ json: string; markdown: string }> {
  const { renderJson } = await import("./json.js");
  const { renderJunit } = await import("./junit.js");
  const { renderMarkdown } = await import("./markdown.js");
  const { renderHtml } = await import("./html.js");
  const json = redact(renderJson(t, code, shardEvents));
  writeAtomic(join(dir, "conformance.json"), json);
  writeAtomic(join(dir, "junit.xml"), redact(renderJunit(t)));
  const markdown = redact(renderMarkdown(t));
  writeAtomic(join(dir, "conformance.md"), markdown);
  writeAtomic(join(dir, "conformance.html"), redact(renderHtml(t, code)));
  return { json, markdown };
}
