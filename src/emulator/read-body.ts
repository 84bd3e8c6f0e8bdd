import type { IncomingMessage } from "node:http";

/**
 * Calls `done` with the whole body, or undefined once it passes `max` (the rest is never read). A
 * callback, not a promise: it is on every answer's path, and the answer needs nothing async.
 */
export function readBody(
  req: IncomingMessage,
  max: number,
  done: (body: string | undefined) => void,
  fail: (e: unknown) => void,
): void {
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  /** done or fail has been called: nothing after it counts (an error after the end, the end after too much) */
  let settled = false;
  // Inline listeners, none kept in a named variable: under tsx each named closure also costs a
  // __name() call per request (0.8 µs here, issue 25). Past `max`, chunks are ignored rather than
  // the listener removed: the stream flows on either way, to nobody.
  req.on("data", (c: Buffer) => {
    if (settled) return;
    size += c.length;
    if (size > max) {
      // Stop buffering at once; the rest is never kept.
      settled = true;
      first = undefined;
      chunks = undefined;
      done(undefined);
    } else if (first === undefined) first = c;
    else if (chunks) chunks.push(c);
    else chunks = [first, c];
  });
  req.on("end", () => {
    if (settled) return;
    settled = true;
    done(chunks ? Buffer.concat(chunks).toString("utf8") : (first?.toString("utf8") ?? ""));
  });
  req.on("error", (e) => {
    if (settled) return;
    settled = true;
    fail(e);
  });
}
