import { limits } from "../contract/limits.js";
import { SuiteError } from "../errors.js";
import { type DeclaredFixtures, loadFixtures } from "../fixtures/declared.js";
import { EMULATOR_DEFAULTS } from "./defaults.js";
import { type LiveSettings, resolveLive } from "./live.js";

/** Where the run goes. The embedded emulator is the default: no credentials needed. */
export type TargetSpec =
  | { kind: "emulator"; faults: string[]; variants: string[] }
  | { kind: "base-url"; baseUrl: string }
  | { kind: "region"; region: string; baseUrl: string }
  | { kind: "replay"; file: string };

export interface Settings {
  live: LiveSettings;
  /** a group_add-only target's existing accounts (--fixtures FILE) */
  fixtures?: DeclaredFixtures;
  target: TargetSpec;
  sdkappid: number;
  identifier: string;
  secretKey?: string;
  usersig?: string;
  reportDir: string;
  timeoutMs: number;
  prefix: string;
  seed: number;
  cases: string[];
  /** generated cases per property phase */
  runs: Runs;
  /** a fast-check path: with --case and --seed, replays one shrunk counterexample */
  path?: string;
  /** fast-check's replayPath of a shrunk command sequence (stateful phase) */
  replayPath?: string;
}

export interface Runs {
  valid: number;
  invalid: number;
  /** sequences of commands */
  stateful: number;
}

/** quick: the default run stays a few seconds; ci: a deeper search for pipelines. */
export const PROFILES: Record<string, Runs> = {
  quick: { valid: 300, invalid: 600, stateful: 40 },
  ci: { valid: 2000, invalid: 4000, stateful: 300 },
};

/** The raw strings, from flags or the environment (flags win). */
export type RawSettings = Partial<
  Record<
    | "baseUrl"
    | "region"
    | "sdkappid"
    | "identifier"
    | "secretKey"
    | "usersig"
    | "reportDir"
    | "timeoutMs"
    | "prefix"
    | "seed"
    | "runs"
    | "profile"
    | "path"
    | "replayPath"
    | "rate"
    | "retries"
    | "backoffMs"
    | "backupUrl"
    | "usersigTtl"
    | "record"
    | "replay"
    | "fixtures",
    string
  >
> & { cases?: string[]; faults?: string[]; variants?: string[] };

export const ENV_NAMES: Record<keyof Omit<RawSettings, "cases" | "faults" | "variants">, string> = {
  baseUrl: "TIM_BASE_URL",
  region: "TIM_REGION",
  sdkappid: "TIM_SDKAPPID",
  identifier: "TIM_IDENTIFIER",
  secretKey: "TIM_SECRET_KEY",
  usersig: "TIM_USERSIG",
  reportDir: "TIM_REPORT_DIR",
  timeoutMs: "TIM_TIMEOUT_MS",
  prefix: "TIM_ACCOUNT_PREFIX",
  seed: "TIM_SEED",
  runs: "TIM_RUNS",
  profile: "TIM_PROFILE",
  path: "TIM_PATH",
  replayPath: "TIM_REPLAY_PATH",
  rate: "TIM_RATE",
  retries: "TIM_RETRIES",
  backoffMs: "TIM_BACKOFF_MS",
  backupUrl: "TIM_BACKUP_URL",
  usersigTtl: "TIM_USERSIG_TTL",
  record: "TIM_RECORD",
  replay: "TIM_REPLAY",
  fixtures: "TIM_FIXTURES",
};

const bad = (setting: string, fix: string): SuiteError =>
  new SuiteError("TIM_ERR_CONFIG", `${setting}: ${fix}`);

function int(name: string, v: string | undefined, dflt: number, min: number, max: number): number {
  if (v === undefined || v === "") return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw bad(name, `must be a whole number from ${min} to ${max}, got "${v}"`);
  return Number(v);
}

function target(r: RawSettings): TargetSpec {
  if (r.replay && (r.baseUrl || r.region))
    throw bad("--replay", "replays a recording offline; drop TIM_BASE_URL / TIM_REGION");
  if (r.replay) return { kind: "replay", file: r.replay };
  if (r.baseUrl && r.region)
    throw bad("TIM_BASE_URL and TIM_REGION", "set only one of them (the base URL or a region name)");
  if (r.baseUrl) {
    let u: URL;
    try {
      u = new URL(r.baseUrl);
    } catch {
      throw bad("TIM_BASE_URL", `"${r.baseUrl}" is not a URL; give e.g. http://127.0.0.1:8080`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:")
      throw bad("TIM_BASE_URL", "must start with http:// or https://");
    return { kind: "base-url", baseUrl: u.origin + u.pathname.replace(/\/$/, "") };
  }
  if (r.region) {
    const key = r.region.toLowerCase().replace(/[\s_-]/g, "");
    const domains = limits.regions[key];
    if (!domains)
      throw bad(
        "TIM_REGION",
        `unknown region "${r.region}"; one of: ${Object.keys(limits.regions).join(", ")}`,
      );
    return { kind: "region", region: key, baseUrl: `https://${domains[0]}` };
  }
  return { kind: "emulator", faults: r.faults ?? [], variants: r.variants ?? [] };
}

/** Turns raw strings into settings, or throws one TIM_ERR_CONFIG naming the setting and the fix. */
export function resolveSettings(r: RawSettings): Settings {
  const t = target(r);
  if (t.kind !== "emulator" && (r.faults?.length || r.variants?.length)) {
    throw bad(
      "--emulator-fault/--emulator-variant",
      "only apply to the embedded emulator; drop them or the target",
    );
  }
  const given = r.sdkappid || r.identifier || r.secretKey || r.usersig;
  // A base URL with no credentials is taken to be a standalone emulator on its defaults.
  // A replay verifies nothing, so any credentials do; the emulator defaults are used.
  const useDefaults = t.kind === "emulator" || t.kind === "replay" ? !given : t.kind === "base-url" && !given;
  if (t.kind === "region" && !given)
    throw bad(
      "TIM_SDKAPPID",
      "a live region needs TIM_SDKAPPID, TIM_IDENTIFIER and TIM_SECRET_KEY (or TIM_USERSIG)",
    );
  const d = useDefaults ? EMULATOR_DEFAULTS : undefined;
  const sdkappidRaw = r.sdkappid ?? (d ? String(d.sdkappid) : undefined);
  if (!sdkappidRaw)
    throw bad("TIM_SDKAPPID", "is required with a target and credentials; the SDKAppID from the IM console");
  const sdkappid = int("TIM_SDKAPPID", sdkappidRaw, 0, 1, 4294967295);
  const identifier = r.identifier ?? d?.identifier;
  if (!identifier)
    throw bad(
      "TIM_IDENTIFIER",
      "is required: the App admin account (REST-intro: identifier 必须为 App 管理员账号)",
    );
  const secretKey = r.secretKey ?? d?.secretKey;
  if (!secretKey && !r.usersig)
    throw bad("TIM_SECRET_KEY", "set the app's secret key (or a ready TIM_USERSIG for the admin)");
  if (t.kind === "emulator" && r.usersig && !secretKey)
    throw bad("TIM_SECRET_KEY", "the embedded emulator verifies UserSigs and needs the key");
  const prefix = r.prefix ?? "tim_ct";
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(prefix))
    throw bad("TIM_ACCOUNT_PREFIX", "1 to 16 of a-z A-Z 0-9 _ - (UserIDs are at most 32 bytes)");
  return {
    target: t,
    live: resolveLive(r, t),
    ...(r.fixtures ? { fixtures: loadFixtures(r.fixtures) } : {}),
    sdkappid,
    identifier,
    ...(secretKey ? { secretKey } : {}),
    ...(r.usersig ? { usersig: r.usersig } : {}),
    reportDir: r.reportDir ?? "reports",
    timeoutMs: int("TIM_TIMEOUT_MS", r.timeoutMs, 10_000, 100, 600_000),
    prefix,
    seed:
      r.seed === undefined || r.seed === ""
        ? Math.floor(Math.random() * 2 ** 31)
        : int("TIM_SEED", r.seed, 0, 0, 2 ** 31 - 1),
    cases: r.cases ?? [],
    runs: runs(r),
    ...(r.path ? { path: checkedPath(r.path) } : {}),
    ...(r.replayPath ? { replayPath: r.replayPath } : {}),
  };
}

function runs(r: RawSettings): Runs {
  const profile = PROFILES[r.profile ?? "quick"];
  if (!profile)
    throw bad("TIM_PROFILE", `unknown profile "${r.profile}"; one of: ${Object.keys(PROFILES).join(", ")}`);
  if (r.runs === undefined || r.runs === "") return profile;
  const n = int("TIM_RUNS", r.runs, 0, 1, 1_000_000);
  // --runs sets every property phase; sequences are longer, so they get a tenth.
  return { valid: n, invalid: n, stateful: Math.max(1, Math.round(n / 10)) };
}

function checkedPath(p: string): string {
  if (!/^\d+(:\d+)*$/.test(p))
    throw bad("TIM_PATH", `"${p}" is not a fast-check path like 12:0:3 (copy it from the report)`);
  return p;
}
