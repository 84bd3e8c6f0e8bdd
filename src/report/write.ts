import { join } from "node:path";
import { EXIT } from "../core/kernel/errors.js";
import type { RunEvent } from "../core/kernel/events.js";
import { writeAtomic } from "../core/kernel/files.js";
import { type SealedLog, sealOf } from "../judge/verdict/seal.js";
import type { Tally } from "../judge/verdict/tally.js";

/** The exit code of a whole run: credentials refused on the very first call are the settings' fault (2). */
export function runExitCode(t: Tally): number {
  const setup = t.caseErrors.find((e) => e.caseId === "setup");
  return setup?.code === "TIM_ERR_CONFIG" && !t.interrupted ? EXIT.config : t.exitCode();
}

/** What writeReports writes, in the order the console names them. */
export const REPORT_FILES = ["conformance.md", "conformance.html", "conformance.json", "junit.xml"];

/**
 * A shard's conformance.json with its log's MAC, computed over the log as written (redacted), so
 * merge checks what it reads; any other report as it is.
 */
function sealed(json: string, key: string | undefined): string {
  if (!key) return json;
  const j = JSON.parse(json) as { tool: { version: string }; shard?: SealedLog & { mac?: string } };
  if (!j.shard) return json;
  const { index, count, events } = j.shard;
  j.shard.mac = sealOf(key, { tool: j.tool.version, index, count, events });
  return `${JSON.stringify(j, null, 2)}\n`;
}

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
  /** the run's secret key, when it has one: a shard's log is then sealed with a MAC (verdict/seal.ts) */
  sealKey?: string,
): Promise<{ json: string; markdown: string }> {
  const { renderJson } = await import("./json.js");
  const { renderJunit } = await import("./junit.js");
  const { renderMarkdown } = await import("./markdown.js");
  const { renderHtml } = await import("./html.js");
  const json = sealed(redact(renderJson(t, code, shardEvents)), sealKey);
  writeAtomic(join(dir, "conformance.json"), json, "TIM_REPORT_DIR");
  writeAtomic(join(dir, "junit.xml"), redact(renderJunit(t)), "TIM_REPORT_DIR");
  const markdown = redact(renderMarkdown(t));
  writeAtomic(join(dir, "conformance.md"), markdown, "TIM_REPORT_DIR");
  writeAtomic(join(dir, "conformance.html"), redact(renderHtml(t, code)), "TIM_REPORT_DIR");
  return { json, markdown };
}
