import nock from "nock";
import { canonicalBody, type Definition, normalizePath, REPLAY_SCOPE, type Recording } from "./recording.js";

const keyOf = (path: string, body: string): string => `${path}\n${body}`;

/**
 * nock hands over the body JSON-parsed when it parses: a string is either raw
 * text that is not JSON, or a JSON string literal. Recorded bodies are
 * canonical, so both readings are tried; they cannot both match.
 */
const readings = (body: unknown): string[] =>
  typeof body === "string" ? [canonicalBody(body), JSON.stringify(body)] : [JSON.stringify(body)];

/**
 * Serves a recording through nock, offline. Answers are queued per request
 * (normalised path and body) and given out in recorded order, so a request
 * repeated with different answers (group_get before and after a change)
 * replays as recorded; one interceptor looks them up, so replay stays linear.
 * A request with no answer left does not match, and nock says so. Network
 * access is cut while it is installed. Returns the uninstaller.
 */
export function installReplay(rec: Recording): () => void {
  const queues = new Map<string, Definition[]>();
  for (const d of rec.definitions) {
    const k = keyOf(d.path, d.body);
    queues.set(k, [...(queues.get(k) ?? []), d]);
  }
  const paths = new Set(rec.definitions.map((d) => d.path.split("?")[0]));
  const next = (uri: string, body: unknown): Definition[] | undefined =>
    readings(body)
      .map((b) => queues.get(keyOf(normalizePath(uri), b)))
      .find((q) => q !== undefined && q.length > 0);
  nock.disableNetConnect();
  nock(REPLAY_SCOPE)
    .persist()
    // nock matches the origin with the bare path first, then the request with its query.
    .post(
      (uri) => (uri.includes("?") ? true : paths.has(uri)),
      function (this: { path?: string }, body: unknown) {
        return next(this.path ?? "", body) !== undefined;
      },
    )
    .reply((uri, body) => {
      const d = next(uri, body)?.shift() as Definition;
      const headers = Object.fromEntries(
        d.rawHeaders.flatMap((_, k, a) => (k % 2 === 0 ? [[a[k] as string, a[k + 1] as string]] : [])),
      );
      return [d.status, typeof d.response === "string" ? d.response : JSON.stringify(d.response), headers];
    });
  return () => {
    nock.cleanAll();
    nock.enableNetConnect();
  };
}
