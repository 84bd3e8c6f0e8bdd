import { limits, utf8Bytes } from "../core/contract/limits.js";
import { POOL_SIZE, SLICES, shardOf } from "./shards.js";
import { didYouMean } from "./suggest.js";

/** Where a setting is shown in --help, .env.example and the README. */
export type SettingGroup = "Target" | "Credentials" | "Run" | "Live service" | "Info";

/** How a raw value is checked: a fix to print (exit 2), or undefined when it is fine. */
export type Check = (value: string) => string | undefined;

/**
 * One setting, declared once: the parser of every command, every --help,
 * `.env.example` and the README's settings table are made from these.
 */
export interface SettingSpec {
  key: string;
  /** the flag without dashes; absent for the secret key (environment only) */
  flag?: string;
  /** the environment name; absent for flags that make no sense as a standing setting */
  env?: string;
  group: SettingGroup;
  /** the placeholder in --help (absent for boolean flags) */
  arg?: string;
  help: string;
  /** the default as a person reads it (a test holds it to `value` and `loopbackValue`) */
  default: string;
  /** the value used when the setting is not given, as a user would type it: the one source of the default */
  value?: string;
  /** the value used instead against the embedded emulator, a replay or a loopback URL */
  loopbackValue?: string;
  check?: Check;
  /** never printed, never written */
  secret?: boolean;
  multiple?: boolean;
  boolean?: boolean;
  /** set but empty is a mistake (a CI secret that is not set on a fork): exit 2, never the default */
  emptyIsError?: boolean;
  /** the example line in .env.example */
  example?: string;
}

export const intIn =
  (min: number, max: number): Check =>
  (v) =>
    /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}, got "${v}"`;

const decimal =
  (min: number, max: number, zeroOk: boolean): Check =>
  (v) => {
    const n = Number(v);
    if (/^\d+(\.\d+)?$/.test(v) && ((zeroOk && n === 0) || (n >= min && n <= max))) return undefined;
    return `must be ${zeroOk ? "0 (off) or " : ""}a number from ${min} to ${max}, got "${v}"`;
  };

export const httpUrl: Check = (v) => {
  try {
    const u = new URL(v);
    if ((u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "") return undefined;
  } catch {
    // falls through
  }
  return `"${v.slice(0, 80)}" is not an http(s) URL; give e.g. http://127.0.0.1:8080`;
};

/** docs/sources/tencent-im-rest.md §5.1: UserIDs are at most 32 bytes; the admin identifier is one. */
const userId: Check = (v) =>
  utf8Bytes(v) <= 32 && /^[\x21-\x7e]+$/.test(v)
    ? undefined
    : `must be the App admin's UserID: 1 to 32 printable ASCII bytes without spaces (got ${utf8Bytes(v)} bytes)`;

const REGIONS = Object.keys(limits.regions);

const shardCheck: Check = (v) =>
  shardOf(v)
    ? undefined
    : `must be I/N with 1 <= I <= N <= 256 (e.g. 2/4 is the second of four shards), got "${v}"`;

/** Every setting of `tim-conformance run` (npm run conformance). */
// biome-ignore format: one setting per line reads as the table it is
const RUN_TABLE = [
  { key: "baseUrl", flag: "base-url", env: "TIM_BASE_URL", group: "Target", arg: "URL", help: "any http(s) base URL; when set it is the target", default: "—", check: httpUrl, emptyIsError: true, example: "http://127.0.0.1:8080" },
  { key: "region", flag: "region", env: "TIM_REGION", group: "Target", arg: "NAME", help: `a live region: ${REGIONS.join(", ")} (domains from https://cloud.tencent.com/document/product/269/10107 and docs/sources/tencent-im-rest.md §3.3)`, default: "—", emptyIsError: true, example: "singapore" },
  { key: "replay", flag: "replay", env: "TIM_REPLAY", group: "Target", arg: "FILE", help: "judge a recording offline (no credentials; a loopback server in this process answers as recorded)", default: "—", emptyIsError: true, example: "recordings/sgp.json" },
  { key: "backupUrl", flag: "backup-url", env: "TIM_BACKUP_URL", group: "Target", arg: "URL", help: "used from the first connection failure on (regions have theirs)", default: "—", check: httpUrl, emptyIsError: true },
  { key: "fixtures", flag: "fixtures", env: "TIM_FIXTURES", group: "Target", arg: "FILE", help: "accounts of a group_add-only target (docs/targets.md); other cases are not judged", default: "—", emptyIsError: true, example: "fixtures.json" },
  { key: "sdkappid", flag: "sdkappid", env: "TIM_SDKAPPID", group: "Credentials", arg: "N", help: "the app's SDKAppID", default: "emulator: 1400000000", check: intIn(1, 4294967295), example: "1400000000" },
  { key: "identifier", flag: "identifier", env: "TIM_IDENTIFIER", group: "Credentials", arg: "ID", help: "the App admin account", default: "emulator: administrator", check: userId, example: "administrator" },
  { key: "secretKey", env: "TIM_SECRET_KEY", group: "Credentials", help: "the app's key, from the environment only; the suite mints UserSigs (TLSSigAPIv2), also the bad ones", default: "emulator: a public development key", secret: true, example: "" },
  { key: "usersig", flag: "usersig", env: "TIM_USERSIG", group: "Credentials", arg: "SIG", help: "a ready admin UserSig instead of the key (the signed auth cases are then not judged)", default: "—", secret: true, check: (v) => (v.length <= 4096 ? undefined : "is longer than 4096 characters; no UserSig is"), example: "" },
  { key: "cases", flag: "case", group: "Run", arg: "ID", help: "run only this case (repeatable; see --list-cases)", default: "every case", multiple: true },
  { key: "seed", flag: "seed", env: "TIM_SEED", group: "Run", arg: "N", help: "seeds the run: generated cases and the random values; printed in every report", default: "random", check: intIn(0, 2 ** 31 - 1) },
  { key: "profile", flag: "profile", env: "TIM_PROFILE", group: "Run", arg: "quick|ci", help: "generation budget: quick (300 valid, 600 invalid, 40 sequences) or ci (2000, 4000, 300)", value: "quick", default: "quick" },
  { key: "runs", flag: "runs", env: "TIM_RUNS", group: "Run", arg: "N", help: "generated cases per property phase, overriding the profile (sequences get a tenth)", default: "—", check: intIn(1, 1_000_000) },
  { key: "path", flag: "path", env: "TIM_PATH", group: "Run", arg: "P", help: "with --case and --seed: replay one shrunk counterexample (copied from the report)", default: "—" },
  { key: "replayPath", flag: "replay-path", env: "TIM_REPLAY_PATH", group: "Run", arg: "R", help: "with --path, for a stateful counterexample", default: "—" },
  { key: "part", flag: "part", env: "TIM_PART", group: "Run", arg: "K", help: "with --path: the part of the generated phase the counterexample came from (copied from the report)", value: "0", default: "0", check: intIn(0, 1_000_000) },
  { key: "lanes", flag: "lanes", env: "TIM_LANES", group: "Run", arg: "N", help: `generated parts run at once, each on its own accounts; the output is the same for any N (at most ${SLICES} are used)`, default: "the machine's cores", check: intIn(1, 256) },
  { key: "shard", flag: "shard", env: "TIM_SHARD", group: "Run", arg: "I/N", help: "run the I-th of N shares of the cases and generated parts (CI fan-out); join the shards with `tim-conformance merge`", default: "—", check: shardCheck, example: "1/4" },
  { key: "timeoutMs", flag: "timeout-ms", env: "TIM_TIMEOUT_MS", group: "Run", arg: "N", help: "deadline of one request, from connecting to the last byte of the answer (the service's own timeout is 3 s)", value: "10000", default: "10000", check: intIn(100, 600_000) },
  { key: "caseTimeoutS", flag: "case-timeout-s", env: "TIM_CASE_TIMEOUT_S", group: "Run", arg: "S", help: "deadline of one case, in seconds; past it the case stops, is reported not judged, and cleanup runs", value: "600", default: "600", check: intIn(1, 86_400) },
  { key: "prefix", flag: "prefix", env: "TIM_ACCOUNT_PREFIX", group: "Run", arg: "P", help: `the suite's accounts are <prefix>_u01…_u${String(POOL_SIZE).padStart(2, "0")}; unknown ids it names are <prefix>_…`, value: "tim_ct", default: "tim_ct", example: "tim_ct" },
  { key: "resetPool", flag: "reset-pool", group: "Run", help: "take over pool accounts that hold data this run did not create (it refuses otherwise, naming them)", default: "off", boolean: true },
  { key: "reporter", flag: "reporter", env: "TIM_REPORTER", group: "Run", arg: "default|github|json", help: "github: also the Markdown summary to GITHUB_STEP_SUMMARY and one ::error line per violated rule (automatic when GITHUB_ACTIONS=true); json: the run's events as JSON lines on stdout, the last one the verdict (docs/reports.md), and the human lines on stderr", default: "default", check: (v) => (["default", "github", "json"].includes(v) ? undefined : `must be default, github or json, got "${v}"${didYouMean(v, ["default", "github", "json"])}`) },
  { key: "config", flag: "config", env: "TIM_CONFIG", group: "Run", arg: "FILE", help: "read settings from this JSON file (keys as in schemas/inputs/config.json; secrets never); flags and the environment win", default: "tim-conformance.config.json, when the current folder has one", emptyIsError: true },
  { key: "reportDir", flag: "report-dir", env: "TIM_REPORT_DIR", group: "Run", arg: "DIR", help: "where reports go", value: "reports", default: "reports", example: "reports" },
  { key: "faults", flag: "emulator-fault", group: "Run", arg: "ID", help: "break the embedded emulator on purpose (repeatable; see --list-faults)", default: "—", multiple: true },
  { key: "variants", flag: "emulator-variant", group: "Run", arg: "ID", help: "pick another open behaviour in the embedded emulator (repeatable)", default: "—", multiple: true },
  { key: "rate", flag: "rate", env: "TIM_RATE", group: "Live service", arg: "N", help: "calls/s for the sns calls (account calls get half); 0 is off", value: "150", loopbackValue: "0", default: "150 remote; 0 (off) for the emulator, replays and loopback URLs", check: decimal(0.1, 100_000, true) },
  { key: "retries", flag: "retries", env: "TIM_RETRIES", group: "Live service", arg: "N", help: "retries of a transient or throttled answer", value: "3", default: "3", check: intIn(0, 20) },
  { key: "backoffMs", flag: "backoff-ms", env: "TIM_BACKOFF_MS", group: "Live service", arg: "N", help: "first back-off wait, doubling", value: "500", loopbackValue: "20", default: "500 (20 on loopback)", check: intIn(0, 120_000) },
  { key: "retryBudgetS", flag: "retry-budget-s", env: "TIM_RETRY_BUDGET_S", group: "Live service", arg: "S", help: "seconds the whole run may spend on failed tries and back-off; past it the run stops (exit 3)", value: "60", default: "60", check: intIn(1, 86_400) },
  { key: "usersigTtl", flag: "usersig-ttl", env: "TIM_USERSIG_TTL", group: "Live service", arg: "S", help: "lifetime of minted UserSigs in seconds, renewed at 80 %", value: "86400", default: "86400", check: intIn(60, 180 * 86400) },
  { key: "record", flag: "record", env: "TIM_RECORD", group: "Live service", arg: "FILE", help: "write every exchange as a recording (nock definitions, redacted; gzip-compressed when FILE ends in .gz)", default: "—", emptyIsError: true },
  { key: "listRules", flag: "list-rules", group: "Info", help: "list the rules", default: "—", boolean: true },
  { key: "explain", flag: "explain", group: "Info", arg: "RULE|CLASS", help: "print a rule's clause and source, and the check, cases, input classes, mutations, faults and tests that judge or prove it; or a class of the input domain (specs/input-domain.json), what it must get and what sends it", default: "—" },
  { key: "listCases", flag: "list-cases", group: "Info", help: "list the cases", default: "—", boolean: true },
  { key: "listFaults", flag: "list-faults", group: "Info", help: "list the emulator's faults and variants", default: "—", boolean: true },
  { key: "help", flag: "help", group: "Info", help: "print this help and exit", default: "—", boolean: true },
  { key: "version", flag: "version", group: "Info", help: "print the version and exit", default: "—", boolean: true },
] as const satisfies readonly SettingSpec[];

/** The run's settings, one per line above: every parser, --help, .env.example and docs/settings.md come from them. */
export const RUN_SETTINGS: readonly SettingSpec[] = RUN_TABLE;

/** A value as the table says it is given: a list for a repeatable flag, true for a boolean one, else the text. */
type RawOf<S> = S extends { multiple: true } ? string[] : S extends { boolean: true } ? boolean : string;

/**
 * The raw values of a run, keyed by the table's keys: derived from the table, so a setting added
 * there is a field here at once (and one removed is gone, wherever it was read).
 */
export type RawSettings = { [S in (typeof RUN_TABLE)[number] as S["key"]]?: RawOf<S> };

/** `npm run drift` reads the run's settings plus the recording to compare with. */
// biome-ignore format: one setting per line reads as the table it is
export const DRIFT_SETTINGS: readonly SettingSpec[] = [
  { key: "recording", flag: "recording", env: "TIM_RECORDING", group: "Target", arg: "FILE", help: "the recording to compare with (made by --record)", default: "—", emptyIsError: true },
  ...RUN_SETTINGS.filter((s) => s.key !== "explain"),
];

/** `npm run matrix` names its targets and shares the run's other settings. */
// biome-ignore format: one setting per line reads as the table it is
export const MATRIX_SETTINGS: readonly SettingSpec[] = [
  { key: "targets", flag: "target", group: "Target", arg: "NAME=SPEC", help: "a target: emulator[:fault=ID][:variant=ID], url=URL, region=NAME or replay=FILE (repeatable, two at least)", default: "—", multiple: true },
  ...RUN_SETTINGS.filter((s) => s.group !== "Target" && s.key !== "explain"),
];

/** `tim-conformance merge` joins the shards' reports of one run. */
// biome-ignore format: one setting per line reads as the table it is
export const MERGE_SETTINGS: readonly SettingSpec[] = [
  { key: "inputs", flag: "from", group: "Target", arg: "FILE|DIR", help: "a shard's conformance.json, or the report directory holding it (repeatable: every shard of the run once)", default: "—", multiple: true },
  { key: "secretKey", env: "TIM_SECRET_KEY", group: "Credentials", help: "the shards' run's key: each shard's log is then verified against its HMAC (signed shards are refused without it)", default: "— (unsigned shards are merged with a notice)", secret: true },
  ...RUN_SETTINGS.filter((s) => s.key === "reportDir" || s.key === "reporter" || s.key === "config" || s.group === "Info").filter((s) => !s.key.startsWith("list") && s.key !== "explain"),
];

/** Every command's table that reads the shared settings (and a config file): the generated documents and the config schema cover these. */
export const COMMAND_TABLES = [RUN_SETTINGS, DRIFT_SETTINGS, MATRIX_SETTINGS, MERGE_SETTINGS];

/**
 * The raw value a run uses for `key` when it is not given: the table's `value`, or its
 * `loopbackValue` against a target on this machine. Every default of the run comes from here.
 */
export function defaultOf(
  key: string,
  loopback = false,
  table: readonly SettingSpec[] = RUN_SETTINGS,
): string | undefined {
  const s = table.find((x) => x.key === key);
  return loopback && s?.loopbackValue !== undefined ? s.loopbackValue : s?.value;
}
