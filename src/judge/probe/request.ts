import { code } from "../../core/contract/codes.js";
import { pathOf } from "../../core/contract/endpoints.js";
import type { OutgoingRequest } from "../../transport/client.js";

export type QueryName = "sdkappid" | "identifier" | "usersig" | "random" | "contenttype";

/** How one call departs from a normal, documented request. */
export interface CallOptions {
  /** replace a query parameter's value; null leaves it out */
  query?: Partial<Record<QueryName, string | null>>;
  /** send a parameter under another name (names are case-sensitive, REST-intro §3.1) */
  rename?: Partial<Record<QueryName, string>>;
  /** the order of the query parameters (real clients differ, docs/sources/real-clients.md) */
  queryOrder?: QueryName[];
  /** send these bytes instead of JSON.stringify(body) */
  rawBody?: string;
  /** the request headers, replacing the default Content-Type */
  headers?: Record<string, string>;
  /** input-domain classes the request stands for that it cannot show itself (an auth condition) */
  classes?: string[];
  /** sent alongside other calls for the same account: no readback in between (concurrent-writes) */
  concurrent?: boolean;
}

export const DEFAULT_ORDER: QueryName[] = ["sdkappid", "identifier", "usersig", "random", "contenttype"];

/** Builds a REST call: /v4/<service>/<command>?sdkappid&identifier&usersig&random&contenttype=json (REST-intro). */
export function buildRequest(
  command: string,
  body: unknown,
  base: Record<QueryName, string>,
  o: CallOptions = {},
): OutgoingRequest {
  // Object.assign, not a spread: spreads cost microseconds on Node 20 here (issue 25).
  const values: Record<QueryName, string | null> = Object.assign({}, base, o.query);
  const query: Array<[string, string]> = [];
  for (const k of o.queryOrder ?? DEFAULT_ORDER) {
    const v = values[k];
    if (v !== null) query.push([o.rename?.[k] ?? k, v]);
  }
  return {
    command,
    path: pathOf(command),
    query,
    headers: o.headers ?? { "content-type": "application/json" },
    body: o.rawBody ?? JSON.stringify(body),
    // seed: 30008 并发写导致写冲突: to calls sent at once for one user it is an answer to judge.
    ...(o.concurrent ? { answers: [code("ERR_SVR_FRIENDSHIP_WRITE_CONFLICT")] } : {}),
  };
}
