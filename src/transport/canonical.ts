/**
 * One reading of a text in which the encodings a secret may travel in look
 * alike: percent-escapes (either case) and JSON escapes are decoded, space and
 * `+` are one character, and non-ASCII characters are their UTF-8 bytes. Each
 * canonical character remembers the source span it came from, so a match in
 * the canonical text redacts exactly those source characters.
 */
export interface CanonicalView {
  text: string;
  /** source offset where canonical character i starts */
  start(i: number): number;
  /** source offset just after canonical character i */
  end(i: number): number;
}

/** JSON's one-letter escapes (RFC 8259 §7), by the letter's code: the character each stands for. */
const JSON_ESCAPES: Record<number, number> = {
  34: 34,
  92: 92,
  47: 47,
  98: 8,
  102: 12,
  110: 10,
  114: 13,
  116: 9,
};

const hexOf = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

/**
 * The canonical bytes of a text and the source span of each: grown as the walk needs. Emitting is
 * a method, not closures made per walk, and one instance is reused (below): three typed arrays per
 * text were a third of the redaction's time per exchange (issue 25, perf-3).
 */
class Spans {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  grow(): void {
    const cap = 2 * this.bytes.length;
    const b = new Uint8Array(cap);
    const s = new Int32Array(cap);
    const e = new Int32Array(cap);
    b.set(this.bytes);
    s.set(this.starts);
    e.set(this.ends);
    this.bytes = b;
    this.starts = s;
    this.ends = e;
  }
  emit(b: number, from: number, to: number): void {
    if (this.size === this.bytes.length) this.grow();
    const i = this.size;
    this.bytes[i] = b === 32 ? 43 : b;
    this.starts[i] = from;
    this.ends[i] = to;
    this.size = i + 1;
  }
  /** a code point's UTF-8 bytes (a lone surrogate as U+FFFD, as Buffer.from writes it) */
  utf8(cp: number, from: number, to: number): void {
    if (cp < 0x80) this.emit(cp, from, to);
    else if (cp < 0x800) {
      this.emit(0xc0 | (cp >> 6), from, to);
      this.emit(0x80 | (cp & 63), from, to);
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      this.emit(0xef, from, to);
      this.emit(0xbf, from, to);
      this.emit(0xbd, from, to);
    } else if (cp < 0x10000) {
      this.emit(0xe0 | (cp >> 12), from, to);
      this.emit(0x80 | ((cp >> 6) & 63), from, to);
      this.emit(0x80 | (cp & 63), from, to);
    } else {
      this.emit(0xf0 | (cp >> 18), from, to);
      this.emit(0x80 | ((cp >> 12) & 63), from, to);
      this.emit(0x80 | ((cp >> 6) & 63), from, to);
      this.emit(0x80 | (cp & 63), from, to);
    }
  }
}

/** Texts up to this long are walked into the one reused Spans; longer ones get their own, so it stays small. */
const SCRATCH_MAX = 1 << 16;
const scratch = new Spans(1024);

/**
 * Walks the source once, writing each canonical byte (space as `+`) with the source span it came
 * from. Most texts are one byte per character or fewer: the arrays start at that and double when not.
 */
function walk(src: string): Spans {
  const n = src.length;
  let out = scratch;
  if (n > SCRATCH_MAX) out = new Spans(n + 8);
  out.size = 0;
  for (let k = 0; k < n; ) {
    const c = src.charCodeAt(k);
    if (c === 37 && k + 2 < n) {
      const hi = hexOf(src.charCodeAt(k + 1));
      const lo = hexOf(src.charCodeAt(k + 2));
      if (hi >= 0 && lo >= 0) {
        out.emit(hi * 16 + lo, k, k + 3);
        k += 3;
        continue;
      }
    }
    if (c === 92) {
      const e = JSON_ESCAPES[src.charCodeAt(k + 1)];
      if (e !== undefined) {
        out.emit(e, k, k + 2);
        k += 2;
        continue;
      }
      if (src.charCodeAt(k + 1) === 117) {
        const h0 = hexOf(src.charCodeAt(k + 2));
        const h1 = hexOf(src.charCodeAt(k + 3));
        const h2 = hexOf(src.charCodeAt(k + 4));
        const h3 = hexOf(src.charCodeAt(k + 5));
        if (h0 >= 0 && h1 >= 0 && h2 >= 0 && h3 >= 0) {
          out.utf8(((h0 * 16 + h1) * 16 + h2) * 16 + h3, k, k + 6);
          k += 6;
          continue;
        }
      }
    }
    if (c < 0x80) {
      out.emit(c, k, k + 1);
      k += 1;
      continue;
    }
    const cp = src.codePointAt(k) ?? 0;
    const to = k + (cp > 0xffff ? 2 : 1);
    out.utf8(cp, k, to);
    k = to;
  }
  return out;
}

/** Texts with none of % \ or non-ASCII need no decoding: the view is the text, with space as `+`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, controls included, is plain
const PLAIN = /^[\x00-\x7f]*$/;
const same = (i: number): number => i;
const next = (i: number): number => i + 1;

/** A walked text's view: its offsets are read from the Spans, valid until the next walk. */
class Walked implements CanonicalView {
  constructor(
    readonly text: string,
    private readonly spans: Spans,
    private readonly length: number,
  ) {}
  start(j: number): number {
    return j < this.spans.size ? (this.spans.starts[j] as number) : this.length;
  }
  end(j: number): number {
    return j < this.spans.size ? (this.spans.ends[j] as number) : this.length;
  }
}

/**
 * The canonical view of `src`. Its `text` is the caller's to keep; `start` and `end` are valid only
 * until the next call (the spans are reused), which is how redact.ts, its only user, reads them.
 */
export function canonicalView(src: string): CanonicalView {
  if (PLAIN.test(src) && !src.includes("%") && !src.includes("\\")) {
    return { text: src.replace(/ /g, "+"), start: same, end: next };
  }
  // One pass over typed arrays, no array per character (issue 21: a 4 MiB answer took seconds).
  const spans = walk(src);
  return new Walked(latin1(spans), spans, src.length);
}

const latin1 = (s: Spans): string =>
  Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.size).toString("latin1");
