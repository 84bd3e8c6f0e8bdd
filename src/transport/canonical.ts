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

const HEX = /^[0-9a-fA-F]{2}$/;
const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Texts with none of % \ or non-ASCII need no decoding: the view is the text, with space as `+`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, controls included, is plain
const PLAIN = /^[\x00-\x7f]*$/;

export function canonicalView(src: string): CanonicalView {
  if (PLAIN.test(src) && !src.includes("%") && !src.includes("\\")) {
    return { text: src.replace(/ /g, "+"), start: (i) => i, end: (i) => i + 1 };
  }
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (chars: string, from: number, to: number) => {
    for (const ch of chars) {
      out.push(ch === " " ? "+" : ch);
      starts.push(from);
      ends.push(to);
    }
  };
  for (let k = 0; k < src.length; ) {
    const ch = src[k] as string;
    if (ch === "%" && HEX.test(src.slice(k + 1, k + 3))) {
      emit(String.fromCharCode(Number.parseInt(src.slice(k + 1, k + 3), 16)), k, k + 3);
      k += 3;
    } else if (ch === "\\" && src[k + 1] !== undefined && JSON_ESCAPES[src[k + 1] as string] !== undefined) {
      emit(JSON_ESCAPES[src[k + 1] as string] as string, k, k + 2);
      k += 2;
    } else if (ch === "\\" && src[k + 1] === "u" && /^[0-9a-fA-F]{4}$/.test(src.slice(k + 2, k + 6))) {
      emit(utf8Bytes(String.fromCharCode(Number.parseInt(src.slice(k + 2, k + 6), 16))), k, k + 6);
      k += 6;
    } else {
      const cp = src.codePointAt(k) ?? 0;
      const width = cp > 0xffff ? 2 : 1;
      emit(cp < 0x80 ? ch : utf8Bytes(src.slice(k, k + width)), k, k + width);
      k += width;
    }
  }
  return { text: out.join(""), start: (i) => starts[i] ?? src.length, end: (i) => ends[i] ?? src.length };
}

/** A string's UTF-8 bytes, one character per byte: how a percent-encoded text reads once decoded. */
function utf8Bytes(s: string): string {
  return Buffer.from(s, "utf8").toString("latin1");
}
