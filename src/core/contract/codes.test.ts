import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { code, codesTagged, ERROR_CODES, isDocumentedCode } from "./codes.js";

const emulatorDir = fileURLToPath(new URL("../../emulator/", import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith(".ts") && !f.endsWith(".test.ts") ? [p] : [];
  });

describe("specs/error-codes.json", () => {
  it("names each code once", () => {
    expect(new Set(ERROR_CODES.map((c) => c.code)).size).toBe(ERROR_CODES.length);
    expect(new Set(ERROR_CODES.map((c) => c.name)).size).toBe(ERROR_CODES.length);
    expect(code("ERR_SVR_FRIENDSHIP_GROUP_COUNT_LIMIT")).toBe(30011);
    expect(() => code("NO_SUCH_CODE")).toThrow(/not in specs\/error-codes.json/);
  });

  it("holds the group_add page's group_add table, the codes asking for a retry and the frequency limits", () => {
    expect(codesTagged("group_add")).toEqual([30001, 30002, 30003, 30004, 30006, 30007, 30008, 30011]);
    expect(codesTagged("transient")).toEqual([30006, 30007, 30008]);
    expect(codesTagged("frequency")).toEqual([60007, 60011, 60018, 60019, 70050]);
    expect([isDocumentedCode(30011), isDocumentedCode(70032), isDocumentedCode(12345)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  // The emulator keeps its own numbers on purpose (judge and reference must not share a bug), and
  // this holds its copy to the table: every code it can answer is a documented, named one.
  it("names every error code the emulator answers", () => {
    const known = new Set(ERROR_CODES.map((c) => c.code));
    const used = new Set<number>();
    for (const f of sources(emulatorDir))
      for (const m of readFileSync(f, "utf8").matchAll(/\b(3[0-2]\d{3}|[67]\d{4})\b/g))
        used.add(Number(m[1]));
    expect([...used].filter((c) => !known.has(c)).sort()).toEqual([]);
  });
});
