import fc from "fast-check";
import { utf8Bytes } from "../contract/limits.js";

/**
 * Characters by UTF-8 width, so names cover every byte count. Only letters and
 * digits, no spaces or controls, precomposed forms only: a name that a live
 * server might trim, fold or normalise would make a false alarm.
 */
const ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
const TWO = "éßøñüçåæЖжДдΩπλ"; // 2 bytes each
const CJK = "分组好友同事家人朋友测试列表亲戚同学"; // 3 bytes each (BMP)
const EMOJI = ["😀", "🎉", "🚀", "🌟", "🐱", "🍀"]; // 4 bytes each
const CJK_EXT_B = ["𠀀", "𠮷", "𡈽", "𤭢", "𪚥"]; // 4 bytes each, CJK outside the BMP

const unit = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ASCII) },
  { weight: 1, arbitrary: fc.constantFrom(...TWO) },
  { weight: 2, arbitrary: fc.constantFrom(...CJK) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...CJK_EXT_B) },
);

/** Keeps whole characters while they fit in `max` bytes. */
export function trimToBytes(chars: readonly string[], max: number): string {
  let out = "";
  for (const c of chars) {
    if (utf8Bytes(out + c) > max) break;
    out += c;
  }
  return out;
}

export interface NameConstraints {
  /** the documented limit: 30 bytes (reference §1.5) */
  maxBytes?: number;
}

/**
 * A valid group name by construction: 1 character and up to `maxBytes` UTF-8
 * bytes, half of them padded with ASCII to exactly the limit (the boundary is
 * where servers get it wrong).
 */
export function groupName(c: NameConstraints = {}): fc.Arbitrary<string> {
  const max = c.maxBytes ?? 30;
  const free = fc.array(unit, { minLength: 1, maxLength: max }).map((u) => trimToBytes(u, max));
  const exact = free.map((s) => s + "z".repeat(max - utf8Bytes(s)));
  return fc.oneof(free, exact);
}

/** A name over the limit: `over` bytes, made of one script family so its character count varies. */
export function longName(over: number): fc.Arbitrary<string> {
  return fc.array(unit, { minLength: over, maxLength: over }).map((u) => {
    let s = trimToBytes(u, over);
    while (utf8Bytes(s) < over) s += "y";
    return s;
  });
}
