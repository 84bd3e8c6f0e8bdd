import type { Envelope } from "./types.js";

/**
 * A success envelope: the handler's fields first, then the status fields. The handlers pass a
 * literal of their own, so it is completed in place: an object spread costs some 3 µs on Node 20
 * here (issue 25), more than the rest of a group_get.
 */
export const ok = (info: string, fields: Record<string, unknown> = {}): Envelope => {
  const out = fields as Envelope;
  out.ActionStatus = "OK";
  out.ErrorCode = 0;
  out.ErrorInfo = info;
  out.ErrorDisplay = "";
  return out;
};

export const fail = (code: number, info: string): Envelope => ({
  ActionStatus: "FAIL",
  ErrorCode: code,
  ErrorInfo: info,
  ErrorDisplay: "",
});

/** A handler's verdict on a body: an error envelope, or the value it wanted. */
export type Checked<T> = { error: Envelope } | { value: T };

export const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");
