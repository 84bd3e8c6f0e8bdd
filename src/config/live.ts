import { limits } from "../core/contract/limits.js";
import type { RawSettings, TargetSpec } from "./raw.js";
import { defaultOf } from "./table.js";

/** How the suite treats a remote service: politeness, patience, fallbacks, recordings. */
export interface LiveSettings {
  /** calls per second for the sns class (the account class gets half); 0 is off */
  rate: number;
  /** tries per request, the first included */
  attempts: number;
  /** retries for the whole run before a transient failure ends it */
  runBudget: number;
  /** milliseconds the whole run may spend on failed tries and back-off before it stops */
  retryBudgetMs: number;
  backoffMs: number;
  /** used from the first connection failure on (docs/sources/tencent-im-rest.md §3.3 backup domains) */
  backupUrl?: string;
  /** lifetime of the admin UserSigs the suite mints; renewed at 80 % of it */
  usersigTtl: number;
  /** write a recording of every exchange here */
  record?: string;
}

/** A number as given, or the table's default for this target (src/config/table.ts, the one source). */
const num = (v: string | undefined, key: string, local: boolean): number =>
  Number(v === undefined || v === "" ? defaultOf(key, local) : v);
const origin = (v: string): string => {
  const u = new URL(v);
  return u.origin + u.pathname.replace(/\/$/, "");
};

/** A target on this machine: nothing to be polite to, and no network between. */
export function isLoopback(t: TargetSpec): boolean {
  if (t.kind === "emulator" || t.kind === "replay") return true;
  if (t.kind !== "base-url") return false;
  const host = new URL(t.baseUrl).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Defaults: against the embedded emulator, a replay or a loopback base URL, no
 * limiter (nothing to be polite to) and short back-off; against anything else
 * 150 calls/s, below the documented 200/s (docs/sources/tencent-im-rest.md §3.6), and 4 tries with
 * back-off from 500 ms. Values were checked by the settings table already.
 */
export function resolveLive(r: RawSettings, t: TargetSpec): LiveSettings {
  const local = isLoopback(t);
  const backup = r.backupUrl
    ? origin(r.backupUrl)
    : t.kind === "region"
      ? `https://${limits.regions[t.region]?.[1] ?? ""}`
      : undefined;
  return {
    rate: num(r.rate, "rate", local),
    attempts: num(r.retries, "retries", local) + 1,
    runBudget: 200,
    retryBudgetMs: num(r.retryBudgetS, "retryBudgetS", local) * 1000,
    backoffMs: num(r.backoffMs, "backoffMs", local),
    ...(backup ? { backupUrl: backup } : {}),
    usersigTtl: num(r.usersigTtl, "usersigTtl", local),
    ...(r.record ? { record: r.record } : {}),
  };
}
