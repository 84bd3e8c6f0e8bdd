import { escapeSig } from "../core/usersig/base64url.js";
import { canonicalView } from "./canonical.js";

/** A run of this many characters of a secret is itself a secret (issue 10: a 40-character echo leaked). */
export const MIN_RUN = 16;
const PLACEHOLDER = "[REDACTED]";
/** texts up to this long are remembered once redacted, up to MEMO_ENTRIES of them */
const MEMO_CHARS = 64;
const MEMO_ENTRIES = 1024;
const BASE = 257;
/** BASE^(MIN_RUN-1) mod 2^32, for removing the character that leaves the rolling window. */
const TOP = (() => {
  let p = 1;
  for (let k = 0; k < MIN_RUN - 1; k++) p = Math.imul(p, BASE) >>> 0;
  return p;
})();

function hashOf(s: string, from: number): number {
  let h = 0;
  for (let k = from; k < from + MIN_RUN; k++) h = (Math.imul(h, BASE) + s.charCodeAt(k)) >>> 0;
  return h;
}

/** The forms a secret travels in besides its own text: base64 of it, as some clients log or echo it. */
function encodedForms(secret: string): string[] {
  const b64 = Buffer.from(secret, "utf8").toString("base64");
  return [secret, b64, b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), escapeSig(b64)];
}

/** Adds [a, b) to spans found in order, merged where they touch (a function, not a closure per text). */
function merge(merged: Array<[number, number]>, a: number, b: number): void {
  const last = merged.at(-1);
  if (last && a <= last[1]) last[1] = Math.max(last[1], b);
  else merged.push([a, b]);
}

/**
 * Redaction by value: every secret the suite knows (the secret key, each UserSig
 * it minted or was given) is replaced wherever it appears, in URLs, bodies,
 * error messages and reports alike, and in every encoding a client or server
 * may use: raw, percent-encoded in either case (including `*` as `%2A`), with
 * `+` or space, JSON-escaped, or base64 of it. Any run of at least MIN_RUN
 * characters of a secret is redacted too, so a truncated echo leaks nothing.
 */
export class Redactor {
  /** canonical secrets shorter than MIN_RUN: matched whole */
  private readonly whole = new Set<string>();
  /** rolling hash -> canonical MIN_RUN-character runs of the longer secrets */
  private readonly runs = new Map<number, Set<string>>();
  /** one byte per 16 bits of hash: most windows of a text are rejected here, without a map lookup */
  private readonly maybe = new Uint8Array(1 << 16);
  /** 1 for each canonical character (a byte) that some run holds */
  private readonly alphabet = new Uint8Array(256);
  private readonly known = new Set<string>();
  /** short texts already redacted (header names and values repeat on every exchange); emptied by add() */
  private readonly memo = new Map<string, string>();
  /** the canonical forms of MIN_RUN characters or more, by their first MIN_RUN characters */
  private readonly heads = new Map<string, string[]>();

  add(secret: string | undefined): void {
    if (!secret || secret.length < 4 || this.known.has(secret)) return;
    this.known.add(secret);
    this.memo.clear();
    for (const form of encodedForms(secret)) {
      const c = canonicalView(form).text;
      if (c.length < MIN_RUN) {
        this.whole.add(c);
        continue;
      }
      const head = c.slice(0, MIN_RUN);
      this.heads.set(head, [...(this.heads.get(head) ?? []), c]);
      for (let k = 0; k < c.length; k++) this.alphabet[c.charCodeAt(k)] = 1;
      for (let k = 0; k + MIN_RUN <= c.length; k++) {
        const h = hashOf(c, k);
        this.maybe[h & 0xffff] = 1;
        const set = this.runs.get(h) ?? new Set<string>();
        set.add(c.slice(k, k + MIN_RUN));
        this.runs.set(h, set);
      }
    }
  }

  /**
   * Intervals [start, end) of the canonical text that are secret, merged where they touch. Windows
   * come in order, so runs merge as they are found: no list of every window, no sort (issue 21:
   * a 4 MiB answer of echoes took seconds).
   */
  private secretSpans(c: string): Array<[number, number]> {
    const merged: Array<[number, number]> = [];
    if (this.runs.size > 0 && c.length >= MIN_RUN) {
      // A window holding a character that no run holds cannot match: such windows are stepped over
      // in one jump, unhashed (JSON's punctuation, a URL's ? & : .), then hashed afresh (issue 25,
      // perf-3: the rolling hash over every window was most of redaction's time per exchange).
      const ok = this.alphabet;
      const n = c.length;
      /** the hash of the window at k, or -1 when it is still to be computed */
      let h = -1;
      for (let k = 0; k + MIN_RUN <= n; ) {
        if (h < 0) {
          let j = k + MIN_RUN - 1;
          while (j >= k && ok[c.charCodeAt(j)] === 1) j--;
          if (j >= k) {
            k = j + 1;
            continue;
          }
          h = hashOf(c, k);
        }
        if (this.maybe[h & 0xffff] === 1 && this.runs.get(h)?.has(c.slice(k, k + MIN_RUN))) {
          // A whole secret starting here (a UserSig in a URL, the usual case): every window inside
          // it is one of its runs and would merge into this span, so they are skipped, not hashed.
          const whole = this.wholeAt(c, k);
          merge(merged, k, k + Math.max(MIN_RUN, whole));
          if (whole > MIN_RUN) {
            k += whole - MIN_RUN;
            h = hashOf(c, k);
          }
        }
        if (k + MIN_RUN >= n) break;
        if (ok[c.charCodeAt(k + MIN_RUN)] !== 1) {
          k += MIN_RUN + 1;
          h = -1;
          continue;
        }
        const out = Math.imul(c.charCodeAt(k), TOP) >>> 0;
        h = (Math.imul((h - out) >>> 0, BASE) + c.charCodeAt(k + MIN_RUN)) >>> 0;
        k += 1;
      }
    }
    if (this.whole.size === 0) return merged;
    const found = merged.splice(0);
    for (const w of this.whole) {
      for (let at = c.indexOf(w); at >= 0; at = c.indexOf(w, at + 1)) found.push([at, at + w.length]);
    }
    found.sort((x, y) => x[0] - y[0]);
    for (const [a, b] of found) merge(merged, a, b);
    return merged;
  }

  /** The length of the longest canonical secret form that `c` holds whole at `k`, or 0. */
  private wholeAt(c: string, k: number): number {
    let best = 0;
    for (const f of this.heads.get(c.slice(k, k + MIN_RUN)) ?? [])
      if (f.length > best && c.startsWith(f, k)) best = f.length;
    return best;
  }

  /** The text with every secret in it replaced by the placeholder. */
  redact(text: string): string {
    if (text.length > MEMO_CHARS) return this.redactNow(text);
    let out = this.memo.get(text);
    if (out === undefined) {
      out = this.redactNow(text);
      if (this.memo.size >= MEMO_ENTRIES) this.memo.clear();
      this.memo.set(text, out);
    }
    return out;
  }

  /** One pass building the output (issue 21: slicing per span was quadratic in the echoes). */
  private redactNow(text: string): string {
    let out = text;
    if (this.known.size > 0) {
      const view = canonicalView(text);
      const spans = this.secretSpans(view.text);
      if (spans.length > 0) {
        const parts: string[] = [];
        let at = 0;
        for (const [a, b] of spans) {
          parts.push(text.slice(at, view.start(a)), PLACEHOLDER);
          at = view.end(b - 1);
        }
        parts.push(text.slice(at));
        out = parts.join("");
      }
    }
    // A usersig in a URL is a secret even when the suite did not mint it.
    return /usersig(=|%3D)/i.test(out)
      ? out.replace(/([?&]usersig(?:=|%3D))(?!\[REDACTED\])[^&\s"'<>]+/gi, `$1${PLACEHOLDER}`)
      : out;
  }
}
