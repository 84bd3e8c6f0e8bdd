// The classes of specs/input-domain.json for group names, recognised in the names themselves.
// Byte counts are UTF-8 (使用限制: 每个分组的名称最长30字节); this is the judge's own count.

const LIMIT = 30;
const PLAIN = /^[A-Za-z0-9_-]+$/;
// \s plus the ideographic space: both are whitespace to a reader of the name.
const EDGE_START = /^[\s\u3000]/u;
const EDGE_END = /[\s\u3000]$/u;
const INNER = /[^\s\u3000][\s\u3000]+[^\s\u3000]/u;
const PUNCT = /[!#$%()*+,./:;=?@[\]^`{|}~]/;
const MARKUP = /[<>&']/;
const ESCAPED = /["\\]/;
const MARK = /\p{M}/u;

const widthOf = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Where byte 30 falls: inside a character of width w after k of its bytes, or on a boundary. */
function straddle(chars: readonly string[]): { w: number; k: number } | undefined {
  let at = 0;
  for (const c of chars) {
    const w = widthOf(c.codePointAt(0) ?? 0);
    if (at < LIMIT && at + w > LIMIT) return { w, k: LIMIT - at };
    at += w;
    if (at >= LIMIT) return undefined;
  }
  return undefined;
}

/** The classes of one GroupName entry. */
export function nameClasses(name: unknown): string[] {
  if (typeof name !== "string") return ["name-wrong-type"];
  if (name === "") return ["name-empty"];
  const chars = [...name];
  const widths = new Set(chars.map((c) => widthOf(c.codePointAt(0) ?? 0)));
  const bytes = chars.reduce((n, c) => n + widthOf(c.codePointAt(0) ?? 0), 0);
  const out: string[] = [];
  if (PLAIN.test(name)) out.push("name-ascii");
  for (const w of [2, 3, 4]) if (widths.has(w)) out.push(`name-${w}-byte`);
  if (widths.size > 1) out.push("name-mixed-widths");
  if (chars.length === 1) out.push("name-single-char");
  if (bytes === LIMIT) {
    const last = chars[chars.length - 1] ?? "";
    out.push(`name-30-end-${widthOf(last.codePointAt(0) ?? 0)}`);
  }
  if (bytes > LIMIT) {
    // Over 30 characters too, it is over the limit however it is counted (MUST); within 30
    // characters, only a byte count refuses it (the EN page says characters: SHOULD).
    if (chars.length <= LIMIT) out.push("name-chars-within-bytes-over");
    else {
      const s = straddle(chars);
      out.push(s ? `name-over-split-${s.w}-${s.k}` : "name-over-on-boundary");
    }
  }
  if (name.trim() === "" || name.replace(/[\s\u3000]/gu, "") === "") out.push("name-space-only");
  else {
    if (EDGE_START.test(name)) out.push("name-space-leading");
    if (EDGE_END.test(name)) out.push("name-space-trailing");
    if (INNER.test(name)) out.push("name-inner-space");
  }
  if (PUNCT.test(name)) out.push("name-punctuation");
  if (MARKUP.test(name)) out.push("name-markup");
  if (ESCAPED.test(name)) out.push("name-json-escape");
  if (MARK.test(name)) out.push("name-combining-mark");
  const nfc = name.normalize("NFC");
  if (nfc !== name) out.push("name-decomposed");
  if (name.normalize("NFKC") !== nfc) out.push("name-compatibility");
  return out;
}

const stripAccents = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "");

/** A name under the loosest comparison a server might use (case, NFKC, accents): equal keys are look-alikes. */
export const foldName = (s: string): string => stripAccents(s.normalize("NFKC")).toLowerCase();

/**
 * Names of the request that collide with another name of the request or one the user holds
 * under a looser comparison: letter case, Unicode normalisation (NFKC), accents. Each key keeps
 * the first exact name seen, so the check is linear in the names.
 */
export function pairClasses(requested: readonly string[], held: readonly string[]): string[] {
  const out = new Set<string>();
  const lower = (s: string) => s.toLowerCase();
  const nfkc = (s: string) => s.normalize("NFKC");
  const keys: Array<[string, (s: string) => string, (a: string, b: string) => boolean]> = [
    ["names-case-pair", lower, () => true],
    ["names-normalisation-pair", nfkc, () => true],
    // Accents only: the two do not already meet under case or normalisation.
    ["names-accent-pair", (s) => lower(stripAccents(s)), (a, b) => lower(nfkc(a)) !== lower(nfkc(b))],
  ];
  for (const [cls, key, counts] of keys) {
    const seen = new Map<string, string>();
    for (const n of held) seen.set(key(n), n);
    for (const n of requested) {
      const k = key(n);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, n);
      else if (first !== n && counts(first, n)) out.add(cls);
    }
  }
  return [...out];
}
