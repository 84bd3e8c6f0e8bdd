import type { Exchange } from "./exchange.js";

/**
 * Number literals of a JSON text as they were written, by JSON pointer. JSON.parse loses two
 * things the docs' Integer fields depend on: `3.0` parses to 3, yet Go's encoding/json and Java's
 * Jackson refuse it for an int (docs/sources/real-clients.md); and a sequence above 2^53 is rounded, so one
 * that moved can look as if it stayed (a group Sequence is a 64-bit value). Most answers have
 * neither (no fraction, exponent or 16-digit run anywhere), and are not scanned at all.
 */
const SUSPECT = /\d[.eE]|\d{16}/;

const cache = new WeakMap<Exchange, ReadonlyMap<string, string> | null>();

/** Pointer -> literal for every number of `text`, or undefined when the text is not JSON. */
export function scanNumbers(text: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const path: Array<string | number> = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i += 1;
  };
  const str = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i += 1;
      ws();
      if (text[i] === "}") {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        const key = str();
        ws();
        i += 1; // ':'
        path.push(key);
        value();
        path.pop();
        ws();
        if (text[i++] !== ",") return;
      }
    }
    if (c === "[") {
      i += 1;
      ws();
      if (text[i] === "]") {
        i += 1;
        return;
      }
      for (let k = 0; ; k += 1) {
        path.push(k);
        value();
        path.pop();
        ws();
        if (text[i++] !== ",") return;
      }
    }
    if (c === '"') return void str();
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?|^(true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) throw new Error("not JSON");
    if (m[3] === undefined)
      out.set(`/${path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`, m[0]);
    i += m[0].length;
  };
  try {
    value();
    return out;
  } catch {
    return undefined;
  }
}

/** The literal of the number at `pointer` in the answer, when the answer needs a look at its text. */
export function literalAt(ex: Exchange, pointer: string): string | undefined {
  let m = cache.get(ex);
  if (m === undefined) {
    const text = ex.response?.body ?? "";
    m = ex.json !== undefined && SUSPECT.test(text) ? (scanNumbers(text) ?? null) : null;
    cache.set(ex, m);
  }
  return m?.get(pointer);
}

/** Whether the number at `pointer` is written as an integer (no fraction, no exponent). */
export function writtenAsInteger(ex: Exchange, pointer: string): boolean {
  const lit = literalAt(ex, pointer);
  return lit === undefined || /^-?\d+$/.test(lit);
}

/** The integer at `pointer`, exactly as written (a BigInt, so 64-bit sequences compare losslessly). */
export function exactInteger(ex: Exchange, pointer: string, parsed: unknown): bigint | undefined {
  const lit = literalAt(ex, pointer);
  if (lit !== undefined) return /^-?\d+$/.test(lit) ? BigInt(lit) : undefined;
  return Number.isInteger(parsed) ? BigInt(parsed as number) : undefined;
}
