import { parseArgs } from "node:util";
import { ENV_NAMES, type RawSettings } from "../config/settings.js";
import { SuiteError } from "../errors.js";

export const HELP = `Usage: npm run conformance -- [options]

Judges an implementation of Tencent Cloud IM v4/sns/group_add against the documented rules.
With no target, the embedded reference emulator is judged (no credentials needed).

Target (at most one):
  --base-url URL          any http(s) base URL                       [TIM_BASE_URL]  --replay FILE           a recording, offline through nock (no credentials) [TIM_REPLAY]
  --backup-url URL        used after a connection failure; regions have theirs [TIM_BACKUP_URL]
  --region NAME           a live region: ${"china, singapore, seoul, tokyo, frankfurt, mumbai, siliconvalley, jakarta"} [TIM_REGION]
Credentials:
  --sdkappid N            the app's SDKAppID                         [TIM_SDKAPPID]
  --identifier ID         the App admin account                      [TIM_IDENTIFIER]
  (secret key)            the app's key, from the environment only   [TIM_SECRET_KEY]
  --usersig SIG           a ready admin UserSig instead of the key   [TIM_USERSIG]
Run:
  --fixtures FILE         existing accounts of a group_add-only target; other cases are skipped [TIM_FIXTURES]
  --case ID               run only this case (repeatable; see --list-cases)
  --seed N                replay a run exactly                       [TIM_SEED]
  --runs N                generated cases per property phase (sequences: N/10) [TIM_RUNS]
  --profile quick|ci      preset sizes: quick 300/600/40 (default), ci 2000/4000/300 [TIM_PROFILE]
  --path P                with --case and --seed: replay one shrunk counterexample [TIM_PATH]
  --replay-path R         with --path, for a stateful counterexample (both are in the report) [TIM_REPLAY_PATH]
  --timeout-ms N          per-request timeout, default 10000         [TIM_TIMEOUT_MS]
  --prefix P              the suite's account prefix, default tim_ct [TIM_ACCOUNT_PREFIX]
  --report-dir DIR        where reports go, default reports/         [TIM_REPORT_DIR]
  --emulator-fault ID     break the embedded emulator on purpose (repeatable; see --list-faults)
  --emulator-variant ID   pick another open behaviour in the embedded emulator (repeatable)
Live service:
  --rate N                calls/s for sns (account calls: N/2); 0 off; default 150 remote, off local [TIM_RATE]
  --retries N             retries of a transient or throttled answer, default 3 [TIM_RETRIES]
  --backoff-ms N          first back-off wait, doubling, default 500 [TIM_BACKOFF_MS]
  --usersig-ttl S         lifetime of minted UserSigs, renewed at 80 %, default 86400 [TIM_USERSIG_TTL]
  --record FILE           write every exchange as a recording (nock definitions, redacted) [TIM_RECORD]
Info:
  --list-rules | --list-cases | --list-faults | --help

Exit codes: 0 every MUST rule holds; 1 a MUST rule is violated; 2 bad configuration;
3 the target could not be judged (unreachable, timeouts, fixtures failed); 130/143 interrupted.
Settings also come from a .env file in the current folder (see .env.example).
`;

export interface Parsed {
  raw: RawSettings;
  list?: "rules" | "cases" | "faults";
  help: boolean;
}

/** Flags win over the environment; the secret key is read from the environment only. */
export function parseCli(argv: string[], env: Record<string, string | undefined>): Parsed {
  let v: ReturnType<typeof parse>["values"];
  try {
    v = parse(argv).values;
  } catch (e) {
    throw new SuiteError("TIM_ERR_CONFIG", `${(e as Error).message}; see --help`);
  }
  const pick = (flag: string | undefined, name: keyof typeof ENV_NAMES): string | undefined =>
    flag ?? (env[ENV_NAMES[name]] || undefined);
  const raw: RawSettings = {};
  const set = (k: keyof typeof ENV_NAMES, val: string | undefined) => {
    if (val !== undefined) raw[k] = val;
  };
  set("baseUrl", pick(v["base-url"], "baseUrl"));
  set("region", pick(v.region, "region"));
  set("sdkappid", pick(v.sdkappid, "sdkappid"));
  set("identifier", pick(v.identifier, "identifier"));
  set("secretKey", pick(undefined, "secretKey"));
  set("usersig", pick(v.usersig, "usersig"));
  set("reportDir", pick(v["report-dir"], "reportDir"));
  set("timeoutMs", pick(v["timeout-ms"], "timeoutMs"));
  set("prefix", pick(v.prefix, "prefix"));
  set("seed", pick(v.seed, "seed"));
  set("runs", pick(v.runs, "runs"));
  set("profile", pick(v.profile, "profile"));
  set("path", pick(v.path, "path"));
  set("replayPath", pick(v["replay-path"], "replayPath"));
  set("rate", pick(v.rate, "rate"));
  set("retries", pick(v.retries, "retries"));
  set("backoffMs", pick(v["backoff-ms"], "backoffMs"));
  set("backupUrl", pick(v["backup-url"], "backupUrl"));
  set("usersigTtl", pick(v["usersig-ttl"], "usersigTtl"));
  set("record", pick(v.record, "record"));
  set("replay", pick(v.replay, "replay"));
  set("fixtures", pick(v.fixtures, "fixtures"));
  if (v.case) raw.cases = v.case;
  if (v["emulator-fault"]) raw.faults = v["emulator-fault"];
  if (v["emulator-variant"]) raw.variants = v["emulator-variant"];
  const list = v["list-rules"]
    ? "rules"
    : v["list-cases"]
      ? "cases"
      : v["list-faults"]
        ? "faults"
        : undefined;
  return { raw, help: Boolean(v.help), ...(list ? { list } : {}) };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    options: {
      "base-url": { type: "string" },
      region: { type: "string" },
      sdkappid: { type: "string" },
      identifier: { type: "string" },
      usersig: { type: "string" },
      "report-dir": { type: "string" },
      "timeout-ms": { type: "string" },
      prefix: { type: "string" },
      seed: { type: "string" },
      runs: { type: "string" },
      profile: { type: "string" },
      path: { type: "string" },
      "replay-path": { type: "string" },
      rate: { type: "string" },
      retries: { type: "string" },
      "backoff-ms": { type: "string" },
      "backup-url": { type: "string" },
      "usersig-ttl": { type: "string" },
      record: { type: "string" },
      replay: { type: "string" },
      fixtures: { type: "string" },
      case: { type: "string", multiple: true },
      "emulator-fault": { type: "string", multiple: true },
      "emulator-variant": { type: "string", multiple: true },
      "list-rules": { type: "boolean" },
      "list-cases": { type: "boolean" },
      "list-faults": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
