/** One request and what came back, already redacted: safe to print and store. */
export interface Exchange {
  seq: number;
  command: string;
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response?: { status: number; headers: Record<string, string>; body: string };
  /** the body parsed as JSON, when it is JSON */
  json?: unknown;
  /** a transport failure: nothing to judge */
  error?: { code: string; message: string };
  /** this answer came to a retry after an earlier try's answer was lost: that try may have been applied */
  afterLostAnswer?: true;
  ms: number;
}

/** Gateway statuses: docs/sources/tencent-im-rest.md §3.2 calls them network errors, not answers of the service. */
export const GATEWAY_STATUS: ReadonlySet<number> = new Set([502, 503, 504]);

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The response body as a JSON object, or undefined when it is not one. */
export function bodyOf(ex: Exchange): Record<string, unknown> | undefined {
  return isObject(ex.json) ? ex.json : undefined;
}

/** ActionStatus OK and ErrorCode 0 on HTTP 200: the service's success. */
export function succeeded(ex: Exchange): boolean {
  const b = bodyOf(ex);
  return ex.response?.status === 200 && b?.ActionStatus === "OK" && b.ErrorCode === 0;
}

/** HTTP 200 with a FAIL envelope and a non-zero integer ErrorCode: the service's way to refuse. */
export function refused(ex: Exchange): boolean {
  const b = bodyOf(ex);
  return (
    ex.response?.status === 200 &&
    b?.ActionStatus === "FAIL" &&
    Number.isInteger(b.ErrorCode) &&
    b.ErrorCode !== 0
  );
}

/**
 * What an answer says, by its ActionStatus (seed: OK 表示处理成功, FAIL 表示失败), for the rules
 * that ask whether a call was accepted or refused. The HTTP status and the envelope's types are
 * judged by their own rules (http-200, envelope-field-types), so one defect is blamed once:
 * - accepted: ActionStatus OK with ErrorCode 0;
 * - refused: ActionStatus FAIL with a non-zero ErrorCode;
 * - ambiguous: the two disagree (envelope-status-code judges it); which it meant is unknowable;
 * - none: no envelope at all (no answer, not a JSON object, no ActionStatus).
 */
export type AnswerKind = "accepted" | "refused" | "ambiguous" | "none";

export function answerKind(ex: Exchange): AnswerKind {
  const b = bodyOf(ex);
  if (!ex.response || !b || !("ActionStatus" in b)) return "none";
  const zero = b.ErrorCode === 0 || b.ErrorCode === "0";
  if (b.ActionStatus === "OK") return zero ? "accepted" : "ambiguous";
  if (b.ActionStatus === "FAIL") return zero || b.ErrorCode === undefined ? "ambiguous" : "refused";
  return "ambiguous";
}

export function errorCode(ex: Exchange): number | undefined {
  const c = bodyOf(ex)?.ErrorCode;
  return typeof c === "number" ? c : undefined;
}
