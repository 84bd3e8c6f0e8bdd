import { gzipSync } from "node:zlib";
import type { Runs, Settings } from "../../config/settings.js";
import { shardOf } from "../../config/shards.js";
import { commandOf } from "../../core/contract/endpoints.js";
import { loadInput } from "../../core/contract/inputs.js";
import { type Command, ENDPOINTS, validate } from "../../core/contract/schemas.js";
import { SuiteError } from "../../core/kernel/errors.js";
import type { RunEvent } from "../../core/kernel/events.js";
import type { Exchange } from "../../core/kernel/exchange.js";
import type { Tally } from "../../judge/verdict/tally.js";

/** The scope of every definition (nock's format): a name that resolves nowhere, so a recording used with nock.define never reaches a network. */
export const REPLAY_SCOPE = "http://recorded.tim-conformance.invalid";

/** One interceptor, in nock's definition format (nock.define), normalised for matching. */
export interface Definition {
  scope: string;
  method: "POST";
  /** path and query with usersig and sdkappid redacted and random normalised */
  path: string;
  /** the request body, canonical: re-serialised JSON when it parses, the raw text otherwise */
  body: string;
  status: number;
  response: unknown;
  rawHeaders: string[];
}

/** Enough to generate the same cases again: the replay and drift commands read these. */
export interface RecordedSettings {
  /** whether the run held the secret key (and so minted the signed negative cases) */
  signed: boolean;
  seed: number;
  prefix: string;
  cases: string[];
  runs: Runs;
  path?: string;
  replayPath?: string;
  part?: number;
  /** "I/N": the shard this recording ran; a replay runs the same share */
  shard?: string;
}

export interface Recording {
  format: "tim-conformance-recording";
  version: 3;
  recordedAt: string;
  target: string;
  settings: RecordedSettings;
  /** rule id -> verdict when recorded */
  verdicts: Record<string, string>;
  /** OPEN rule id -> what was observed when recorded */
  observations: Record<string, string[]>;
  definitions: Definition[];
}

/** The values that change from run to run or must never be stored are normalised in place. */
export function normalizePath(urlOrPath: string): string {
  const u = new URL(urlOrPath, REPLAY_SCOPE);
  const q = [...u.searchParams].map(([k, v]) => {
    // The redactor's own placeholder: a final redaction pass over the file leaves it as it is.
    // Names in any letter case (the auth case sends UserSig=, SdkAppId=): the value is still a secret.
    const name = k.toLowerCase();
    if (name === "usersig" || name === "sdkappid") return `${k}=[REDACTED]`;
    if (name === "random") return `${k}=0`;
    return `${k}=${encodeURIComponent(v)}`;
  });
  return `${u.pathname}${q.length ? `?${q.join("&")}` : ""}`;
}

export function canonicalBody(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw));
  } catch {
    return raw;
  }
}

export function toDefinition(ex: Exchange): Definition | undefined {
  if (!ex.response) return undefined;
  const type = ex.response.headers["content-type"];
  return {
    scope: REPLAY_SCOPE,
    method: "POST",
    path: normalizePath(ex.request.url),
    // As the bytes went out: a lone surrogate travels as U+FFFD.
    body: canonicalBody(Buffer.from(ex.request.body, "utf8").toString("utf8")),
    status: ex.response.status,
    response: ex.json !== undefined ? ex.json : ex.response.body,
    // The coding too (open-content-encoding): the replay server encodes the body again to match.
    rawHeaders: [
      ...(type ? ["content-type", type] : []),
      ...(ex.response.headers["content-encoding"]
        ? ["content-encoding", ex.response.headers["content-encoding"]]
        : []),
    ],
  };
}

/** Collects the definitions of a run as its events go by. */
export class RecordingWriter {
  readonly definitions: Definition[] = [];
  readonly listen = (e: RunEvent): void => {
    if (e.type !== "exchange") return;
    const d = toDefinition(e.exchange);
    if (d) this.definitions.push(d);
  };

  finish(tally: Tally, settings: RecordedSettings): Recording {
    const results = tally.results();
    return {
      format: "tim-conformance-recording",
      version: RECORDING_VERSION,
      recordedAt: tally.info?.startedAt ?? "",
      target: tally.info?.target ?? "",
      settings,
      verdicts: Object.fromEntries(results.map((r) => [r.rule.id, r.status])),
      observations: Object.fromEntries(
        results
          .filter((r) => r.rule.level === "OPEN")
          .map((r) => [
            r.rule.id,
            [...new Set([...r.byCase.values()].flatMap((c) => c.observations.map((o) => o.value)))],
          ]),
      ),
      definitions: this.definitions,
    };
  }
}

/**
 * Version 2 added the baseline case and `settings.signed`; version 3 cut the generated phases into
 * seeded parts (and added `part`, `shard`), which changes what a seed generates: older recordings
 * cannot replay.
 */
export const RECORDING_VERSION = 3;

/**
 * Reads a recording and checks it: its format strictly, against
 * schemas/inputs/recording.json (a malformed file is a configuration error,
 * exit 2, naming the bad field), and every recorded answer against the current
 * schemas (mismatches are returned: a recording of a broken target has them by right).
 */
export function loadRecording(
  file: string,
  /** the case ids this version has (the caller's index): a recording naming another cannot replay */
  caseIds: readonly string[],
): { recording: Recording; schemaMismatches: string[] } {
  const setting = "--replay/--recording";
  const rec = loadInput<Recording>("recording", setting, file);
  for (const [k, d] of rec.definitions.entries()) {
    if (d.rawHeaders.length % 2 !== 0)
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        `${setting}: ${file}: /definitions/${k}/rawHeaders must hold name, value pairs`,
      );
  }
  if (rec.settings.shard !== undefined && !shardOf(rec.settings.shard))
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `${setting}: ${file}: /settings/shard "${rec.settings.shard}" is not I/N with 1 <= I <= N <= 256`,
    );
  const known = new Set(caseIds);
  const unknown = rec.settings.cases.find((c) => !known.has(c));
  if (unknown)
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `${setting}: ${file}: /settings/cases names "${unknown}", which this version has no case for`,
    );
  const mismatches: string[] = [];
  for (const [k, d] of rec.definitions.entries()) {
    const cmd = commandOf(d.path);
    if (!(ENDPOINTS as readonly string[]).includes(cmd)) continue;
    const issue = validate(cmd as Command, "response", d.response)[0];
    if (issue) mismatches.push(`#${k} ${cmd}: ${issue.instancePath || "/"} ${issue.message}`);
  }
  return { recording: rec, schemaMismatches: mismatches };
}

/**
 * The bytes of a recording file: the text below, gzip-compressed when the name ends in .gz (a
 * default run's 1000-entry lists make a few MB of text that compress about twentyfold).
 */
export function recordingBytes(file: string, text: string): string | Uint8Array {
  return file.endsWith(".gz") ? gzipSync(text, { level: 6 }) : text;
}

/** Pretty at the top, one definition per line: recordings stay readable and diff well. */
export function serialiseRecording(rec: Recording): string {
  const { definitions, ...head } = rec;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  return `${top},\n  "definitions": [\n${definitions.map((d) => `    ${JSON.stringify(d)}`).join(",\n")}\n  ]\n}\n`;
}

/** The run's settings with the recording's generation settings: the same seed makes the same cases. */
export function withRecordedSettings(s: Settings, r: RecordedSettings): Settings {
  const { path: _p, replayPath: _r, part: _k, shard: _s, ...rest } = s;
  // loadRecording refused a shard that is not one.
  const shard = r.shard ? shardOf(r.shard) : undefined;
  return {
    ...rest,
    seed: r.seed,
    prefix: r.prefix,
    cases: r.cases,
    runs: r.runs,
    ...(r.path ? { path: r.path } : {}),
    ...(r.replayPath ? { replayPath: r.replayPath } : {}),
    ...(r.part !== undefined ? { part: r.part } : {}),
    ...(shard ? { shard } : {}),
  };
}
