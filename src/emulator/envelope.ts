import type { Envelope } from "./types.js";

export const ok = (info: string, fields: Record<string, unknown> = {}): Envelope => ({
  ...fields,
  ActionStatus: "OK",
  ErrorCode: 0,
  ErrorInfo: info,
  ErrorDisplay: "",
});

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
