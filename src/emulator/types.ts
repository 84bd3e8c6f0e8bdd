/** What the HTTP adapter hands the emulator: transport-free, so tests can call it directly. */
export interface EmuRequest {
  method: string;
  /** path without the query string, e.g. /v4/sns/group_add */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: string;
  /** the Host header, and over TLS the server name the client asked for (SNI): which domain a client used */
  host?: string;
  sni?: string;
}

/** What a request got, told to whoever watches requests (the client report): who answered and how. */
export interface EmuAnswer {
  /** the emulator's handlers, a scenario step, the throttle (60007) or the transient mood (30006) */
  by: "emulator" | "scenario" | "throttle" | "transient";
  status: number;
  /** the answer's ErrorCode, when it is a JSON envelope */
  errorCode?: number;
  /** the scenario step (1-based) that answered */
  step?: number;
  /** the connection was closed without an answer */
  dropped?: boolean;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** bytes the adapter sends instead of `body` (a compressed body); `body` keeps the text */
  raw?: Buffer;
  /** the adapter drops the connection without answering (a deliberate fault) */
  drop?: boolean;
}

/** Settings shared with the suite (TIM_SDKAPPID, TIM_IDENTIFIER, TIM_SECRET_KEY). */
export interface EmuConfig {
  sdkappid: number;
  /** the App admin: the only identifier allowed to call the REST API (REST-intro) */
  identifier: string;
  secretKey: string;
  /** Unix seconds; injected so signature expiry is testable */
  now: () => number;
}

/** A JSON object body as the handlers see it after parsing. */
export type Body = Record<string, unknown>;

/** The envelope every handler returns; the adapter serialises it. */
export interface Envelope {
  ActionStatus: "OK" | "FAIL";
  ErrorCode: number;
  ErrorInfo: string;
  ErrorDisplay?: string;
  [field: string]: unknown;
}
