import type { RequestOptions } from "node:http";
import { urlToHttpOptions } from "node:url";

/** Distinct paths remembered; mutated paths are few, but a hostile case must not grow this without end. */
const MAX_PATHS = 256;

/**
 * Where http.request sends an exchange, without a URL parsed per exchange: `new URL()` and node's
 * conversion of it (an object spread inside) were 16 µs of every exchange (issue 25, perf-3). The
 * base and path are parsed once, as the URL parser would, and the query appended as sent: a query
 * of encodeURIComponent() pairs is what the parser keeps as is (WHATWG URL's query set for special
 * schemes escapes only `'` of what encodeURIComponent leaves). Anything else goes through the parser.
 */
export class Targets {
  private readonly parsed = new Map<string, ReturnType<typeof urlToHttpOptions>>();

  constructor(private readonly base: string) {}

  /** `url` is base + path + (qs ? `?${qs}` : ""), as requestUrl() joined it. */
  optionsFor(url: string, path: string, qs: string): URL | RequestOptions {
    if (qs.includes("'") || path.includes("?") || path.includes("#")) return new URL(url);
    let t = this.parsed.get(path);
    if (!t) {
      t = urlToHttpOptions(new URL(`${this.base}${path}`));
      if (this.parsed.size >= MAX_PATHS) this.parsed.clear();
      this.parsed.set(path, t);
    }
    return {
      protocol: t.protocol,
      hostname: t.hostname,
      port: t.port,
      auth: t.auth,
      // The path as the parser wrote it (no query: the path has no "?"), then the query as sent.
      path: qs ? `${t.path}?${qs}` : t.path,
    };
  }
}
