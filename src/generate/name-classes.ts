import fc from "fast-check";
import { utf8Bytes } from "../core/contract/limits.js";

/**
 * One arbitrary per class of specs/input-domain.json's group_add/GroupName/* field, so generators
 * and the fixed name-domain case draw names from the documented domain itself. Each yields names of
 * its class (the classifier in src/core/contract/classify-names.ts recognises them; a test checks it).
 */
const LIMIT = 30;
const ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
const BY_WIDTH: Record<number, readonly string[]> = {
  1: [...ASCII],
  2: [..."éßøñüçåæЖжДдΩπλ"],
  3: [..."分组好友同事家人朋友测试列表亲戚同学"],
  4: ["😀", "🎉", "🚀", "🌟", "🐱", "🍀", "𠀀", "𠮷", "𡈽", "𤭢", "𪚥"],
};
const charOf = (w: number) => fc.constantFrom(...(BY_WIDTH[w] ?? []));
const anyChar = fc.oneof(charOf(1), charOf(1), charOf(2), charOf(3), charOf(4));
const word = (min = 1, max = 6) => fc.string({ unit: charOf(1), minLength: min, maxLength: max });

/** Whole characters while they fit in `max` bytes, then ASCII to exactly `max` when `exact`. */
function fitBytes(chars: readonly string[], max: number, exact: boolean): string {
  let out = "";
  for (const c of chars) {
    if (utf8Bytes(out + c) > max) break;
    out += c;
  }
  return exact ? out + "z".repeat(max - utf8Bytes(out)) : out;
}

const around = (middle: fc.Arbitrary<string>) =>
  fc.tuple(word(1, 8), middle, word(1, 8)).map(([a, m, b]) => fitBytes([...`${a}${m}${b}`], LIMIT, false));

/** Exactly 30 bytes, the last character `w` bytes wide: the edge, reached from every width. */
const exactly30 = (w: number) =>
  fc
    .tuple(fc.array(anyChar, { minLength: 0, maxLength: 20 }), charOf(w))
    .map(([body, last]) => fitBytes(body, LIMIT - w, true) + last);

/** Over 30 bytes and 30 characters, byte 30 ending after `k` bytes of a `w`-byte character. */
const splitAt = (w: number, k: number) =>
  fc
    .tuple(fc.array(anyChar, { minLength: 0, maxLength: 12 }), charOf(w), word(0, 3))
    .map(([body, c, tail]) => {
      const head = fitBytes(body, LIMIT - k, true);
      const pad = Math.max(0, LIMIT + 1 - [...head].length - 1);
      return `${head}${c}${"y".repeat(pad)}${tail}`;
    });

const SPACES = fc.constantFrom(" ", "  ", "\u3000");

export const NAME_CLASSES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  "name-ascii": word(1, LIMIT),
  "name-2-byte": around(charOf(2)),
  "name-3-byte": around(charOf(3)),
  "name-4-byte": around(charOf(4)),
  "name-mixed-widths": fc
    .tuple(charOf(2), charOf(3), charOf(4), word(0, 5))
    .map(([a, b, c, d]) => `${d}${a}${b}${c}`),
  "name-single-char": anyChar,
  "name-30-end-1": exactly30(1),
  "name-30-end-2": exactly30(2),
  "name-30-end-3": exactly30(3),
  "name-30-end-4": exactly30(4),
  "name-over-on-boundary": fc.integer({ min: LIMIT + 1, max: LIMIT + 9 }).map((n) => "x".repeat(n)),
  "name-over-split-2-1": splitAt(2, 1),
  "name-over-split-3-1": splitAt(3, 1),
  "name-over-split-3-2": splitAt(3, 2),
  "name-over-split-4-1": splitAt(4, 1),
  "name-over-split-4-2": splitAt(4, 2),
  "name-over-split-4-3": splitAt(4, 3),
  "name-chars-within-bytes-over": fc
    .array(fc.oneof(charOf(3), charOf(4)), { minLength: 11, maxLength: 20 })
    .map((cs) => cs.join("")),
  "name-empty": fc.constant(""),
  "name-inner-space": around(SPACES),
  "name-punctuation": around(
    fc.string({ unit: fc.constantFrom(..."!#$%()*+,./:;=?@[]^`{|}~"), minLength: 1, maxLength: 4 }),
  ),
  "name-markup": around(fc.constantFrom("<b>", "&amp;", "'", "<", ">", "&", "</x>")),
  "name-json-escape": around(fc.constantFrom('"', "\\", '\\"', '"q"', "\\n")),
  // Marks on bases with no precomposed form: NFC leaves them as they are.
  "name-combining-mark": around(fc.constantFrom("q\u0307", "1\u20e3", "x\u0331", "w\u0323\u0307")),
  // Conjoining Hangul jamo: NFC composes them (가, 한), and none is a combining mark.
  "name-decomposed": around(fc.constantFrom("\u1100\u1161", "\u1112\u1161\u11ab", "\u1100\u1173\u11af")),
  "name-compatibility": around(fc.constantFrom("ＡＢＣ", "ﬁ", "①", "ｶﾅ", "㎏")),
  "name-space-leading": fc.tuple(SPACES, word(1, 10)).map(([s, w]) => s + w),
  "name-space-trailing": fc.tuple(word(1, 10), SPACES).map(([w, s]) => w + s),
  "name-space-only": fc.constantFrom(" ", "   ", "\u3000", " \t "),
};

/** One name of class `id`, fixed by `seed`: what a fixed case sends for that class. */
export function nameOfClass(id: string, seed: number): string {
  const arb = NAME_CLASSES[id];
  if (!arb) throw new Error(`no arbitrary for name class ${id}`);
  return fc.sample(arb, { seed, numRuns: 1 })[0] as string;
}
