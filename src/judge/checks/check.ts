import type { FindingDetail } from "../../core/kernel/events.js";
import type { Exchange } from "../../core/kernel/exchange.js";

/** What a check sees of one exchange. */
export interface CheckInput {
  ex: Exchange;
  /** the response as a JSON object (undefined when it is not one) */
  res: Record<string, unknown> | undefined;
  /** the request body as the suite built it (undefined for raw, non-JSON bodies) */
  req: Record<string, unknown> | undefined;
  /** run-wide memory a check may keep (e.g. the last sequence of each user) */
  memory: Map<string, unknown>;
}

/** A judged check: pass, or fail with a reason and, ajv style, where and what was wrong. */
export type Judgement = { ok: true } | ({ ok: false; message: string } & Partial<FindingDetail>);

/**
 * An exchange check: judges one rule (its id is the rule id) on every
 * exchange of the given commands. `judge` returns undefined when the
 * exchange says nothing about the rule; `observe` is for OPEN rules and
 * only records what was seen.
 */
export interface ExchangeCheck {
  /** the rule id: its title, level and clause come from specs/rules.json, never from here */
  id: string;
  commands: readonly string[];
  judge?: (i: CheckInput) => Judgement | undefined;
  observe?: (i: CheckInput) => string | undefined;
}

export const pass: Judgement = { ok: true };
export const failWith = (message: string, at?: FindingDetail): Judgement => ({
  ok: false,
  message,
  ...at,
});
export const GROUP_ADD = ["group_add"] as const;

/** REST-intro's envelope promises hold for every REST call, so they are judged on every answer. */
export { COMMANDS as EVERY_COMMAND } from "../../core/contract/endpoints.js";

/** The To_Account list the request sent, when it sent one. */
export function requestedAccounts(req: Record<string, unknown> | undefined): string[] | undefined {
  const t = req?.To_Account;
  return Array.isArray(t) && t.every((x) => typeof x === "string") ? t : undefined;
}

export function resultItems(
  res: Record<string, unknown> | undefined,
): Array<Record<string, unknown>> | undefined {
  const r = res?.ResultItem;
  return Array.isArray(r) && r.every((x) => typeof x === "object" && x !== null)
    ? (r as Array<Record<string, unknown>>)
    : undefined;
}

export const isOk = (res: Record<string, unknown> | undefined): boolean =>
  res?.ActionStatus === "OK" && res.ErrorCode === 0;
