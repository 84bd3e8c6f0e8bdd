import type { Exchange } from "../core/kernel/exchange.js";
import { cut } from "./escape.js";

/** Cuts a text for a report, saying how long it was and where the rest is. */
export const clip = (s: string, n = 1500): string => cut(s, n, "; full text in conformance.json");

/** An exchange as the Markdown and HTML reports show it: the request and the answer, bodies cut. */
export function exchangeText(ex: Exchange): { request: string; response: string } {
  const request = [
    `${ex.request.method} ${ex.request.url}`,
    ...Object.entries(ex.request.headers).map(([k, v]) => `${k}: ${clip(v, 200)}`),
    "",
    clip(ex.request.body),
  ].join("\n");
  const response = ex.response
    ? [
        `HTTP ${ex.response.status}`,
        ...Object.entries(ex.response.headers).map(([k, v]) => `${k}: ${clip(v, 200)}`),
        "",
        clip(ex.response.body),
      ].join("\n")
    : `(no response: ${ex.error?.code} ${ex.error?.message})`;
  return { request, response };
}
