import { limits } from "../contract/limits.js";
import { SuiteError } from "../errors.js";
import type { RawSettings, TargetSpec } from "./settings.js";

/** How the suite treats a remote service: politeness, patience, fallbacks, recordings. */
export interface LiveSettings {
  /** calls per second for the sns class (the account class gets half); 0 is off */
  rate: number;
  /** tries per request, the first included */
  attempts: number;
  /** retries for the whole run before a transient failure ends it */
  runBudget: number;
  backoffMs: number;
  /** used from the first connection failure on (reference §3.3 backup domains) */
  backupUrl?: string;
  /** lifetime of the admin UserSigs the suite mints; renewed at 80 % of it */
  usersigTtl: number;
  /** write a recording of every exchange here */
  record?: string;
}

const bad = (setting: string, fix: string): SuiteError =>
  new SuiteError("TIM_ERR_CONFIG", `${setting}: ${fix}`);

function num(name: string, v: string | undefined, dflt: number, min: number, max: number): number {
  if (v === undefined || v === "") return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max)
    throw bad(name, `must be a number from ${min} to ${max}, got "${v}"`);
  return n;
}

function url(name: string, v: string): string {
  try {
    const u = new URL(v);
    if (u.protocol === "http:" || u.protocol === "https:") return u.origin + u.pathname.replace(/\/$/, "");
  } catch {
    // falls through to the error below
  }
  throw bad(name, `"${v}" is not an http(s) URL`);
}

/**
 * Defaults: against the embedded emulator or a replay, no limiter (nothing to be
 * polite to); against anything else 150 calls/s, below the documented 200/s
 * (reference §3.6), and 4 tries with back-off from 500 ms.
 */
export function resolveLive(r: RawSettings, t: TargetSpec): LiveSettings {
  const local = t.kind === "emulator" || t.kind === "replay";
  const backup = r.backupUrl
    ? url("TIM_BACKUP_URL", r.backupUrl)
    : t.kind === "region"
      ? `https://${limits.regions[t.region]?.[1] ?? ""}`
      : undefined;
  return {
    rate: num("TIM_RATE", r.rate, local ? 0 : 150, 0, 100_000),
    attempts: num("TIM_RETRIES", r.retries, 3, 0, 20) + 1,
    runBudget: 200,
    backoffMs: num("TIM_BACKOFF_MS", r.backoffMs, local ? 20 : 500, 0, 120_000),
    ...(backup ? { backupUrl: backup } : {}),
    usersigTtl: num("TIM_USERSIG_TTL", r.usersigTtl, 86400, 60, 180 * 86400),
    ...(r.record ? { record: r.record } : {}),
  };
}
