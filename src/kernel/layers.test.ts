import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 16: folders form layers that only point down. Each folder may import from the folders
// listed before it, never from one after it; so no two folders depend on each other. Tests and
// src/proof (the suite's own proofs) may import anything.
const LAYERS = [
  "kernel", // errors, version, exchange, events, rule and clock types, atomic files
  "contract", // specs/ and schemas/ as data: limits, schemas, input files
  "rules", // the catalogue
  "usersig",
  "config", // settings, their table, declared fixtures as settings
  "transport", // the client, redaction, limiter, retries
  "checks", // exchange checks (the judge)
  "verdict", // the tally that folds events, the merge of shards
  "emulator", // the reference: never imports checks or generators
  "client", // the emulator's report on its clients
  "record", // recordings: format, writer, loader
  "probe", // a case's handle on the target, requests, credentials, case contracts
  "accounts", // the suite's account pool, declared accounts
  "oracles", // what group state and per-item answers must be
  "generators",
  "properties",
  "cases",
  "targets", // the embedded emulator, a URL, a region, a replay
  "runner",
  "reporters",
  "observe", // the judging pass-through: checks, client judge, the model, reporters on real traffic
  "drift",
  "openapi",
  "api", // the library's entry points
  "cli", // the commands
  ".", // bin.ts, index.ts
] as const;

const src = fileURLToPath(new URL("../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return relative(src, p) === "proof" ? [] : sources(p);
    return f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts") ? [p] : [];
  });
}

const folderOf = (file: string): string => {
  const parts = relative(src, file).split("/");
  return parts.length > 1 ? (parts[0] as string) : ".";
};

/** Every relative import of a file: static, type-only, re-exports and dynamic import(). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1] as string);
}

/** The imports that point up or sideways into a later layer, as "from -> to" lines. */
function upward(files: ReadonlyMap<string, string>, layers: readonly string[]): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const from = folderOf(file);
    for (const spec of importsOf(text)) {
      const target = resolve(dirname(file), spec);
      const to = folderOf(target);
      if (from === to) continue;
      const [a, b] = [layers.indexOf(from), layers.indexOf(to)];
      if (a < 0 || b < 0 || b > a)
        out.push(`${relative(src, file)} (${from}) -> ${relative(src, target)} (${to})`);
    }
  }
  return out.sort();
}

describe("layers", () => {
  const files = new Map(sources(src).map((f) => [f, readFileSync(f, "utf8")]));

  it("name every folder of src/", () => {
    const folders = new Set([...files.keys()].map(folderOf));
    expect([...folders].filter((f) => !(LAYERS as readonly string[]).includes(f))).toEqual([]);
  });

  it("only point down: no import into a later layer, so no two folders import each other", () => {
    expect(files.size).toBeGreaterThan(150);
    expect(upward(files, LAYERS)).toEqual([]);
  });

  it("catch an upward import, a type-only one and a dynamic one", () => {
    const planted = new Map([
      [join(src, "kernel/x.ts"), 'import { main } from "../cli/main.js";'],
      [join(src, "checks/y.ts"), 'import type { Case } from "../cases/index.js";'],
      [join(src, "emulator/z.ts"), 'const g = await import("../generators/payload.js");'],
      [join(src, "cli/ok.ts"), 'import { EXIT } from "../kernel/errors.js";'],
    ]);
    expect(upward(planted, LAYERS)).toEqual([
      "checks/y.ts (checks) -> cases/index.js (cases)",
      "emulator/z.ts (emulator) -> generators/payload.js (generators)",
      "kernel/x.ts (kernel) -> cli/main.js (cli)",
    ]);
  });
});
