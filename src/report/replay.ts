import type { RunInfo } from "../core/kernel/events.js";
import type { Exchange } from "../core/kernel/exchange.js";

const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
/** Quotes for a POSIX shell only when the word needs it, so commands stay readable. */
const word = (s: string): string => (/^[A-Za-z0-9._:/@%+=,-]+$/.test(s) ? s : sq(s));

/** What a run started from a library is replayed with: it works wherever the package is installed. */
export const DEFAULT_COMMAND = "npx tim-conformance";

/**
 * Re-runs the case that produced a finding, against the same target, with the same seed, typed as
 * the run was; "" for observed traffic, which no case made (its curl line replays it).
 */
export function replayCommand(info: RunInfo, caseId: string, extra: readonly string[] = []): string {
  if (info.observed) return "";
  return [
    info.command ?? DEFAULT_COMMAND,
    ...info.replayFlags.map(word),
    "--case",
    caseId,
    "--seed",
    String(info.seed),
    ...extra.map(word),
  ].join(" ");
}

/**
 * The exact request as curl, against $TIM_BASE_URL with the UserSig from
 * $TIM_USERSIG: the recorded URL had it redacted, and it stays out of reports.
 */
export function curlCommand(ex: Exchange): string {
  const u = new URL(ex.request.url);
  const pathAndQuery = `${u.pathname}${u.search}`.replace(
    /usersig=(\[REDACTED\]|%5BREDACTED%5D)/,
    "usersig='\"$TIM_USERSIG\"'",
  );
  const headers = Object.entries(ex.request.headers).map(([k, v]) => `-H ${sq(`${k}: ${v}`)}`);
  return [
    "curl -sS -X POST",
    `"$TIM_BASE_URL"'${pathAndQuery}'`,
    ...headers,
    "--data-binary",
    sq(ex.request.body),
  ].join(" ");
}
