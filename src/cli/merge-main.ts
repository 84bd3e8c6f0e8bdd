import { statSync } from "node:fs";
import { join } from "node:path";
import { renderHelp } from "../config/help.js";
import { parseWith } from "../config/parse.js";
import { defaultOf, MERGE_SETTINGS } from "../config/table.js";
import { SuiteError } from "../core/kernel/errors.js";
import type { RunEvent } from "../core/kernel/events.js";
import { ensureWritableDir } from "../core/kernel/files.js";
import { readInput } from "../core/kernel/inputs.js";
import { mergeShards } from "../judge/verdict/merge.js";
import { Tally } from "../judge/verdict/tally.js";
import { runExitCode, writeReports } from "../report/write.js";
import { envRedactor, failureExit, redactedIo } from "./failure.js";
import { answerInfo } from "./info.js";
import type { Io } from "./main.js";
import { checkSeals, dealOf, type ReadShard } from "./merge-checks.js";
import { outputsOf } from "./outputs.js";
export const MERGE_HELP = (command: string): string =>
  renderHelp(
    `${command} --from DIR --from DIR … [--report-dir DIR]`,
    "Joins the reports of the shards of one run (each made with --shard I/N and the same seed) into\none verdict and every report format, as one unsharded run would have written them.\nExit codes are a run's: 0 conformant, 1 a MUST rule broken, 2 bad input, 3 not judged.",
    MERGE_SETTINGS,
  );

/** A shard's event log out of its conformance.json (a directory means the one inside it), and the tool that wrote it. */
function readShard(input: string): ReadShard {
  const file = statSync(input, { throwIfNoEntry: false })?.isDirectory()
    ? join(input, "conformance.json")
    : input;
  // A device, a FIFO or an oversized file is refused before it is read (issue 21: /dev/zero ran out of memory).
  const text = readInput(file, "--from").toString("utf8");
  let json: {
    tool?: { version?: unknown };
    shard?: { index?: unknown; count?: unknown; events?: unknown; mac?: unknown };
  };
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SuiteError("TIM_ERR_CONFIG", `--from: ${file}: ${(e as Error).message}`, { cause: e });
  }
  const s = json.shard;
  if (!s || !Number.isInteger(s.index) || !Number.isInteger(s.count) || !Array.isArray(s.events))
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `--from: ${file}: /shard is missing or malformed; merge reads the conformance.json of a run made with --shard I/N`,
    );
  return {
    index: s.index as number,
    count: s.count as number,
    events: s.events as RunEvent[],
    tool: String(json.tool?.version ?? "?"),
    ...(typeof s.mac === "string" ? { mac: s.mac } : {}),
  };
}

/** `tim-conformance merge`: the shards' event logs folded as one run, every report written. */
export async function mergeMain(
  argv: string[],
  env: Record<string, string | undefined>,
  rawIo: Io,
): Promise<number> {
  const redactor = envRedactor(env);
  const io = redactedIo(rawIo, redactor);
  try {
    const raw = parseWith(MERGE_SETTINGS, argv, env);
    const info = answerInfo(raw, MERGE_HELP, io);
    if (info !== undefined) return info;
    const inputs = (raw.inputs as string[] | undefined) ?? [];
    if (inputs.length === 0)
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        "--from: name each shard's report (directory or conformance.json)",
      );
    const reportDir = (raw.reportDir as string | undefined) ?? (defaultOf("reportDir") as string);
    const dir = ensureWritableDir(reportDir, "TIM_REPORT_DIR");
    const shards = inputs.map(readShard);
    const tools = [...new Set(shards.map((s) => s.tool))];
    if (tools.length > 1)
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        `--from: the shards were written by different versions (${tools.join(", ")}); run every shard with one`,
      );
    const unsigned = checkSeals(shards, env);
    const tally = new Tally();
    const out = outputsOf(raw.reporter, env, io, (s) => redactor.redact(s));
    try {
      const events = mergeShards(shards, dealOf(shards[0]?.events[0]));
      if (unsigned) events.splice(1, 0, { type: "notice", message: unsigned });
      for (const e of events) {
        tally.listen(e);
        out.lines?.(e);
      }
    } catch (e) {
      if (e instanceof SuiteError) throw e;
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        `--from: a shard's event log does not fold: ${(e as Error).message}`,
        {
          cause: e,
        },
      );
    }
    const code = runExitCode(tally);
    const { markdown } = await writeReports(dir, tally, code, (s) => redactor.redact(s));
    await out.finish(tally, code, reportDir, markdown);
    return code;
  } catch (e) {
    return failureExit(e, redactor, io.err);
  }
}
