import type { IncomingMessage, ServerResponse } from "node:http";
import { guardFor } from "../../emulator/guard.js";

/** The reserved path prefix of the observer's own requests: never forwarded, no Tencent path lives under it. */
export const OBSERVE_PREFIX = "/__observe/";

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * Why a request for the observer's report is refused, or undefined. The report is the app's traffic
 * (redacted, but its accounts and names): as for the emulator's control API, a foreign Host is DNS
 * rebinding and a foreign Origin or Sec-Fetch-Site a web page (Fetch standard §3.1, Fetch Metadata),
 * so only a loopback address of this listener, asked directly (curl, a test harness), gets it.
 */
export function reportRefusal(req: IncomingMessage, address: string, port: number): string | undefined {
  const hosts = guardFor(address, port, [], "").hosts;
  const host = (one(req.headers.host) ?? "").toLowerCase();
  if (!hosts.has(host)) return `Host "${host}" is not this observer's loopback address`;
  const origin = one(req.headers.origin);
  if (origin !== undefined && !hosts.has(origin.replace(/^https?:\/\//, "").toLowerCase()))
    return "cross-origin requests are refused";
  const site = one(req.headers["sec-fetch-site"]);
  if (site !== undefined && site !== "same-origin" && site !== "none")
    return `Sec-Fetch-Site "${site}" is refused`;
  return undefined;
}

/** Answers the observer's own path: GET /__observe/report writes the reports and returns conformance.json. */
export function answerControl(
  req: IncomingMessage,
  res: ServerResponse,
  where: { address: string; port: number; loopback: boolean },
  report: () => Promise<string>,
): void {
  req.resume();
  const path = (req.url ?? "").split("?")[0];
  const text = (status: number, body: string): void => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(`${body}\n`);
  };
  const [status, why] =
    path !== `${OBSERVE_PREFIX}report`
      ? [404, `the observer answers only GET ${OBSERVE_PREFIX}report`]
      : req.method !== "GET"
        ? [405, "GET only"]
        : !where.loopback
          ? [403, "the report is served on a loopback listener only"]
          : [403, reportRefusal(req, where.address, where.port)];
  if (why) {
    text(status, `observe: ${why}`);
    return;
  }
  report().then(
    (json) => res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(json),
    (e: unknown) => text(500, `observe: the report could not be written: ${(e as Error).message}`),
  );
}
