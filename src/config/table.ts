import { limits, utf8Bytes } from "../contract/limits.js";
import { POOL_SIZE, SLICES, shardOf } from "./parts.js";

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
  /** the default as a person reads it */
  default: string;
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

/** reference §5.1: UserIDs are at most 32 bytes; the admin identifier is one. */
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
export const RUN_SETTINGS: readonly SettingSpec[] = [
  { key: "baseUrl", flag: "base-url", env: "TIM_BASE_URL", group: "Target", arg: "URL", help: "any http(s) base URL; when set it is the target", default: "—", check: httpUrl, emptyIsError: true, example: "http://127.0.0.1:8080" },
  { key: "region", flag: "region", env: "TIM_REGION", group: "Target", arg: "NAME", help: `a live region: ${REGIONS.join(", ")} (domains from the seed and reference §3.3)`, default: "—", emptyIsError: true, example: "singapore" },
  { key: "replay", flag: "replay", env: "TIM_REPLAY", group: "Target", arg: "FILE", help: "judge a recording offline (no credentials; a loopback server in this process answers as recorded)", default: "—", emptyIsError: true, example: "recordings/sgp.json" },
  { key: "backupUrl", flag: "backup-url", env: "TIM_BACKUP_URL", group: "Target", arg: "URL", help: "used from the first connection failure on (regions have theirs)", default: "—", check: httpUrl, emptyIsError: true },
  { key: "fixtures", flag: "fixtures", env: "TIM_FIXTURES", group: "Target", arg: "FILE", help: "accounts of a group_add-only target (README); other cases are not judged", default: "—", emptyIsError: true, example: "fixtures.json" },
  { key: "sdkappid", flag: "sdkappid", env: "TIM_SDKAPPID", group: "Credentials", arg: "N", help: "the app's SDKAppID", default: "emulator: 1400000000", check: intIn(1, 4294967295), example: "1400000000" },
  { key: "identifier", flag: "identifier", env: "TIM_IDENTIFIER", group: "Credentials", arg: "ID", help: "the App admin account", default: "emulator: administrator", check: userId, example: "administrator" },
  { key: "secretKey", env: "TIM_SECRET_KEY", group: "Credentials", help: "the app's key, from the environment only; the suite mints UserSigs (TLSSigAPIv2), also the bad ones", default: "emulator: a public development key", secret: true, example: "" },
  { key: "usersig", flag: "usersig", env: "TIM_USERSIG", group: "Credentials", arg: "SIG", help: "a ready admin UserSig instead of the key (the signed auth cases are then not judged)", default: "—", secret: true, check: (v) => (v.length <= 4096 ? undefined : "is longer than 4096 characters; no UserSig is"), example: "" },
  { key: "cases", flag: "case", group: "Run", arg: "ID", help: "run only this case (repeatable; see --list-cases)", default: "every case", multiple: true },
  { key: "seed", flag: "seed", env: "TIM_SEED", group: "Run", arg: "N", help: "seeds the run: generated cases and the random values; printed in every report", default: "random", check: intIn(0, 2 ** 31 - 1) },
  { key: "profile", flag: "profile", env: "TIM_PROFILE", group: "Run", arg: "quick|ci", help: "generation budget: quick (300 valid, 600 invalid, 40 sequences) or ci (2000, 4000, 300)", default: "quick" },
  { key: "runs", flag: "runs", env: "TIM_RUNS", group: "Run", arg: "N", help: "generated cases per property phase, overriding the profile (sequences get a tenth)", default: "—", check: intIn(1, 1_000_000) },
  { key: "path", flag: "path", env: "TIM_PATH", group: "Run", arg: "P", help: "with --case and --seed: replay one shrunk counterexample (copied from the report)", default: "—" },
  { key: "replayPath", flag: "replay-path", env: "TIM_REPLAY_PATH", group: "Run", arg: "R", help: "with --path, for a stateful counterexample", default: "—" },
  { key: "part", flag: "part", env: "TIM_PART", group: "Run", arg: "K", help: "with --path: the part of the generated phase the counterexample came from (copied from the report)", default: "0", check: intIn(0, 1_000_000) },
  { key: "lanes", flag: "lanes", env: "TIM_LANES", group: "Run", arg: "N", help: `generated parts run at once, each on its own accounts; the output is the same for any N (at most ${SLICES} are used)`, default: "the machine's cores", check: intIn(1, 256) },
  { key: "shard", flag: "shard", env: "TIM_SHARD", group: "Run", arg: "I/N", help: "run the I-th of N shares of the cases and generated parts (CI fan-out); join the shards with `tim-conformance merge`", default: "—", check: shardCheck, example: "1/4" },
  { key: "timeoutMs", flag: "timeout-ms", env: "TIM_TIMEOUT_MS", group: "Run", arg: "N", help: "deadline of one request, from connecting to the last byte of the answer (the service's own timeout is 3 s)", default: "10000", check: intIn(100, 600_000) },
  { key: "caseTimeoutS", flag: "case-timeout-s", env: "TIM_CASE_TIMEOUT_S", group: "Run", arg: "S", help: "deadline of one case, in seconds; past it the case stops, is reported not judged, and cleanup runs", default: "600", check: intIn(1, 86_400) },
  { key: "prefix", flag: "prefix", env: "TIM_ACCOUNT_PREFIX", group: "Run", arg: "P", help: `the suite's accounts are <prefix>_u01…_u${String(POOL_SIZE).padStart(2, "0")}; unknown ids it names are <prefix>_…`, default: "tim_ct", example: "tim_ct" },
  { key: "resetPool", flag: "reset-pool", group: "Run", help: "take over pool accounts that hold data this run did not create (it refuses otherwise, naming them)", default: "off", boolean: true },
  { key: "reporter", flag: "reporter", env: "TIM_REPORTER", group: "Run", arg: "default|github", help: "github: write the Markdown summary to GITHUB_STEP_SUMMARY and one ::error line per violated rule (automatic when GITHUB_ACTIONS=true)", default: "default", check: (v) => (v === "default" || v === "github" ? undefined : `must be default or github, got "${v}"`) },
  { key: "reportDir", flag: "report-dir", env: "TIM_REPORT_DIR", group: "Run", arg: "DIR", help: "where reports go", default: "reports", example: "reports" },
  { key: "faults", flag: "emulator-fault", group: "Run", arg: "ID", help: "break the embedded emulator on purpose (repeatable; see --list-faults)", default: "—", multiple: true },
  { key: "variants", flag: "emulator-variant", group: "Run", arg: "ID", help: "pick another open behaviour in the embedded emulator (repeatable)", default: "—", multiple: true },
  { key: "rate", flag: "rate", env: "TIM_RATE", group: "Live service", arg: "N", help: "calls/s for the sns calls (account calls get half); 0 is off", default: "150 remote; off for the emulator, replays and loopback URLs", check: decimal(0.1, 100_000, true) },
  { key: "retries", flag: "retries", env: "TIM_RETRIES", group: "Live service", arg: "N", help: "retries of a transient or throttled answer", default: "3", check: intIn(0, 20) },
  { key: "backoffMs", flag: "backoff-ms", env: "TIM_BACKOFF_MS", group: "Live service", arg: "N", help: "first back-off wait, doubling", default: "500 (20 on loopback)", check: intIn(0, 120_000) },
  { key: "retryBudgetS", flag: "retry-budget-s", env: "TIM_RETRY_BUDGET_S", group: "Live service", arg: "S", help: "seconds the whole run may spend on failed tries and back-off; past it the run stops (exit 3)", default: "60", check: intIn(1, 86_400) },
  { key: "usersigTtl", flag: "usersig-ttl", env: "TIM_USERSIG_TTL", group: "Live service", arg: "S", help: "lifetime of minted UserSigs in seconds, renewed at 80 %", default: "86400", check: intIn(60, 180 * 86400) },
  { key: "record", flag: "record", env: "TIM_RECORD", group: "Live service", arg: "FILE", help: "write every exchange as a recording (nock definitions, redacted; gzip-compressed when FILE ends in .gz)", default: "—", emptyIsError: true },
  { key: "listRules", flag: "list-rules", group: "Info", help: "list the rules", default: "—", boolean: true },
  { key: "explain", flag: "explain", group: "Info", arg: "RULE|CLASS", help: "print a rule's clause and source, and the check, cases, input classes, mutations, faults and tests that judge or prove it; or a class of the input domain (specs/input-domain.json), what it must get and what sends it", default: "—" },
  { key: "listCases", flag: "list-cases", group: "Info", help: "list the cases", default: "—", boolean: true },
  { key: "listFaults", flag: "list-faults", group: "Info", help: "list the emulator's faults and variants", default: "—", boolean: true },
  { key: "help", flag: "help", group: "Info", help: "print this help and exit", default: "—", boolean: true },
  { key: "version", flag: "version", group: "Info", help: "print the version and exit", default: "—", boolean: true },
];

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
  ...RUN_SETTINGS.filter((s) => s.key === "reportDir" || s.key === "reporter" || s.group === "Info").filter((s) => !s.key.startsWith("list") && s.key !== "explain"),
];
