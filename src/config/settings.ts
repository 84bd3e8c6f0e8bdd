import { availableParallelism } from "node:os";
import { limits } from "../core/contract/limits.js";
import { configError } from "../core/kernel/errors.js";
import { type DeclaredFixtures, loadFixtures } from "./declared.js";
import { EMULATOR_DEFAULTS } from "./defaults.js";
import { type LiveSettings, resolveLive } from "./live.js";
import { checkValues, nameOf } from "./parse.js";
import type { RawSettings, TargetSpec } from "./raw.js";
import { type Shard, shardOf } from "./shards.js";

export type { RawSettings, TargetSpec } from "./raw.js";

import { defaultOf, RUN_SETTINGS } from "./table.js";

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
  /** deadline of one request, connect to last byte */
  timeoutMs: number;
  /** deadline of one case */
  caseTimeoutMs: number;
  prefix: string;
  /** take over pool accounts that hold data the suite did not create */
  resetPool: boolean;
  seed: number;
  cases: string[];
  /** generated cases per property phase */
  runs: Runs;
  /** a fast-check path: with --case and --seed, replays one shrunk counterexample */
  path?: string;
  /** fast-check's replayPath of a shrunk command sequence (stateful phase) */
  replayPath?: string;
  /** with path: the generated part the counterexample came from */
  part?: number;
  /** generated parts run at once (never changes what is generated) */
  lanes: number;
  /** this machine's share of the run (--shard I/N) */
  shard?: Shard;
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

/** A setting's raw value as given, or its default from the table (src/config/table.ts), the one source. */
const orDefault = (v: string | undefined, key: string): string | undefined =>
  v === undefined || v === "" ? defaultOf(key) : v;
/** A number the table's check already accepted, or the table's default. */
const int = (v: string | undefined, key: string): number => Number(orDefault(v, key));

/** Empty strings from a programmatic caller are refused like empty flags: they never mean "the emulator". */
function refuseEmptyTargets(r: RawSettings): void {
  for (const s of RUN_SETTINGS) {
    if (s.emptyIsError && r[s.key as keyof RawSettings] === "")
      throw configError(nameOf(s), "is set but empty (an unset CI secret?); set it or unset it");
  }
}

function target(r: RawSettings): TargetSpec {
  if (r.replay && (r.baseUrl || r.region))
    throw configError("--replay", "replays a recording offline; drop TIM_BASE_URL / TIM_REGION");
  if (r.replay) return { kind: "replay", file: r.replay };
  if (r.baseUrl && r.region)
    throw configError("TIM_BASE_URL and TIM_REGION", "set only one of them (the base URL or a region name)");
  if (r.baseUrl) {
    const u = new URL(r.baseUrl);
    return { kind: "base-url", baseUrl: u.origin + u.pathname.replace(/\/$/, "") };
  }
  if (r.region) {
    const key = r.region.toLowerCase().replace(/[\s_-]/g, "");
    const domains = limits.regions[key];
    if (!domains)
      throw configError(
        "TIM_REGION",
        `unknown region "${r.region}"; one of: ${Object.keys(limits.regions).join(", ")}`,
      );
    return { kind: "region", region: key, baseUrl: `https://${domains[0]}` };
  }
  return { kind: "emulator", faults: r.faults ?? [], variants: r.variants ?? [] };
}

/** Turns raw values into settings, or throws one TIM_ERR_CONFIG naming the setting and the fix. */
export function resolveSettings(r: RawSettings): Settings {
  refuseEmptyTargets(r);
  checkValues(RUN_SETTINGS, r as Record<string, unknown>);
  const t = target(r);
  // Checked by the table already: a shard here is always one.
  const shard = r.shard ? shardOf(r.shard) : undefined;
  if (t.kind !== "emulator" && (r.faults?.length || r.variants?.length)) {
    throw configError(
      "--emulator-fault/--emulator-variant",
      "only apply to the embedded emulator; drop them or the target",
    );
  }
  const given = r.sdkappid || r.identifier || r.secretKey || r.usersig;
  // A base URL with no credentials is taken to be a standalone emulator on its defaults.
  // A replay verifies nothing, so any credentials do; the emulator defaults are used.
  const useDefaults = t.kind !== "region" && !given;
  if (t.kind === "region" && !given)
    throw configError(
      "TIM_SDKAPPID",
      "a live region needs TIM_SDKAPPID, TIM_IDENTIFIER and TIM_SECRET_KEY (or TIM_USERSIG)",
    );
  const d = useDefaults ? EMULATOR_DEFAULTS : undefined;
  const sdkappidRaw = r.sdkappid ?? (d ? String(d.sdkappid) : undefined);
  if (!sdkappidRaw)
    throw configError(
      "TIM_SDKAPPID",
      "is required with a target and credentials; the SDKAppID from the IM console",
    );
  const identifier = r.identifier ?? d?.identifier;
  if (!identifier)
    throw configError(
      "TIM_IDENTIFIER",
      "is required: the App admin account (REST-intro: identifier 必须为 App 管理员账号)",
    );
  const secretKey = r.secretKey ?? d?.secretKey;
  if (!secretKey && !r.usersig)
    throw configError("TIM_SECRET_KEY", "set the app's secret key (or a ready TIM_USERSIG for the admin)");
  if (t.kind === "emulator" && r.usersig && !secretKey)
    throw configError("TIM_SECRET_KEY", "the embedded emulator verifies UserSigs and needs the key");
  refuseOrphans(r);
  const prefix = orDefault(r.prefix, "prefix") as string;
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(prefix))
    throw configError("TIM_ACCOUNT_PREFIX", "1 to 16 of a-z A-Z 0-9 _ - (UserIDs are at most 32 bytes)");
  return {
    target: t,
    live: resolveLive(r, t),
    ...(r.fixtures ? { fixtures: loadFixtures(r.fixtures) } : {}),
    sdkappid: Number(sdkappidRaw),
    identifier,
    ...(secretKey ? { secretKey } : {}),
    ...(r.usersig ? { usersig: r.usersig } : {}),
    reportDir: orDefault(r.reportDir, "reportDir") as string,
    timeoutMs: int(r.timeoutMs, "timeoutMs"),
    caseTimeoutMs: int(r.caseTimeoutS, "caseTimeoutS") * 1000,
    prefix,
    resetPool: r.resetPool === true,
    seed: r.seed === undefined || r.seed === "" ? Math.floor(Math.random() * 2 ** 31) : Number(r.seed),
    cases: r.cases ?? [],
    runs: runs(r),
    ...(r.path ? { path: checkedPath(r.path) } : {}),
    ...(r.replayPath ? { replayPath: r.replayPath } : {}),
    ...(r.path ? { part: int(r.part, "part") } : {}),
    // The machine's cores: the only default the table cannot hold as a value.
    lanes: r.lanes === undefined || r.lanes === "" ? availableParallelism() : Number(r.lanes),
    ...(shard ? { shard } : {}),
  };
}

function runs(r: RawSettings): Runs {
  const profile = PROFILES[orDefault(r.profile, "profile") as string];
  if (!profile)
    throw configError(
      "TIM_PROFILE",
      `unknown profile "${r.profile}"; one of: ${Object.keys(PROFILES).join(", ")}`,
    );
  if (r.runs === undefined || r.runs === "") return profile;
  const n = Number(r.runs);
  // --runs sets every property phase; sequences are longer, so they get a tenth.
  return { valid: n, invalid: n, stateful: Math.max(1, Math.round(n / 10)) };
}

/** Settings that only mean something with another: alone they were silently ignored (issue 21). */
function refuseOrphans(r: RawSettings): void {
  if (r.path && (r.seed === undefined || r.seed === ""))
    throw configError(
      "TIM_PATH",
      "replays a counterexample of one seed: give --seed too (copy the whole replay command from the report)",
    );
  if (!r.path && r.replayPath)
    throw configError("TIM_REPLAY_PATH", "only means something with --path; give both or neither");
  if (!r.path && r.part !== undefined && r.part !== "")
    throw configError("TIM_PART", "only means something with --path; give both or neither");
}

function checkedPath(p: string): string {
  if (!/^\d+(:\d+)*$/.test(p))
    throw configError("TIM_PATH", `"${p}" is not a fast-check path like 12:0:3 (copy it from the report)`);
  return p;
}
