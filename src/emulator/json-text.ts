import { deflateSync, gzipSync } from "node:zlib";
import type { Behaviour } from "./behaviour.js";
import type { EmuResponse } from "./types.js";

/**
 * The JSON text of an answer. JSON leaves whitespace between tokens and \uXXXX escapes to the
 * writer (RFC 8259 §2, §7): the holdout variants use that room. Compact and minimal is
 * JSON.stringify itself, so the default answers stay byte for byte.
 */
export function jsonText(v: unknown, layout: Behaviour["jsonLayout"], esc: Behaviour["jsonEscape"]): string {
  if (esc === "minimal" && layout !== "spaced") return JSON.stringify(v, null, layout === "pretty" ? 2 : 0);
  return write(v, layout, esc, "");
}

const unicode = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** A string literal; in JSON.stringify's output these characters stand for themselves only. */
function literal(s: string, esc: Behaviour["jsonEscape"]): string {
  const t = JSON.stringify(s);
  if (esc === "html-safe") return t.replace(/[<>&\u2028\u2029]/g, unicode);
  // Without the u flag a character outside the BMP matches as its two halves: \ud83d\ude00.
  return esc === "ascii" ? t.replace(/[^\x20-\x7e]/g, unicode) : t;
}

function write(
  v: unknown,
  layout: Behaviour["jsonLayout"],
  esc: Behaviour["jsonEscape"],
  at: string,
): string {
  if (typeof v === "string") return literal(v, esc);
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  const inner = `${at}  `;
  const parts = Array.isArray(v)
    ? v.map((x) => write(x, layout, esc, inner))
    : Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(
          ([k, x]) =>
            `${literal(k, esc)}${layout === "compact" ? ":" : " : "}${write(x, layout, esc, inner)}`,
        );
  const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
  if (parts.length === 0) return `${open}${close}`;
  if (layout === "pretty") return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${at}${close}`;
  return layout === "spaced" ? `${open} ${parts.join(" , ")} ${close}` : `${open}${parts.join(",")}${close}`;
}

/**
 * Compresses an answer's body when the behaviour says so (a holdout variant): RFC 9110 §12.5.3
 * lets a server send a content coding the request did not ask for, and real clients decode it.
 * `body` keeps the text; `raw` holds the bytes sent.
 */
export function encodeBody(out: EmuResponse, b: Behaviour): EmuResponse {
  if (b.responseEncoding === "identity" || Buffer.byteLength(out.body) <= b.compressAbove) return out;
  const raw = b.responseEncoding === "gzip" ? gzipSync(out.body) : deflateSync(out.body);
  return { ...out, headers: { ...out.headers, "content-encoding": b.responseEncoding }, raw };
}
