import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CASES } from "../../cases/index.js";
import { REFUSALS } from "../../cases/refusals.js";
import { FAULTS } from "../../emulator/faults/index.js";
import { CHECKS } from "../../judge/checks/index.js";
import { EFFECTS_ORACLE } from "../../judge/probe/effects.js";
import { RULES } from "./catalogue.js";

const ids = new Set(RULES.map((r) => r.id));
const dir = (d: string) => readdirSync(fileURLToPath(new URL(`../../${d}/`, import.meta.url)));

describe("specs/rules.json", () => {
  it("has unique, stable-looking ids with a level, a source and a quoted clause", () => {
    expect(ids.size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(["MUST", "SHOULD", "OPEN"]).toContain(r.level);
      expect(r.source.length).toBeGreaterThan(4);
      expect(r.clause.length).toBeGreaterThan(4);
      expect(r.judgedBy.length).toBeGreaterThan(0);
    }
  });

  it("gives every MUST and SHOULD rule a fix hint written for the implementer (issue 22)", () => {
    const judged = RULES.filter((r) => r.level !== "OPEN");
    expect(judged.filter((r) => !r.fix || r.fix.length < 20).map((r) => r.id)).toEqual([]);
    // OPEN rules are never violated: a hint there would suggest otherwise
    expect(RULES.filter((r) => r.level === "OPEN" && r.fix).map((r) => r.id)).toEqual([]);
  });

  it("names in judgedBy only checks and cases that exist, and they name the rule back", () => {
    for (const r of RULES) {
      for (const j of r.judgedBy) {
        const check = CHECKS.find((c) => c.id === j);
        const kase = CASES.find((c) => c.id === j);
        const oracle = j === EFFECTS_ORACLE.id ? EFFECTS_ORACLE : undefined;
        expect([r.id, j, Boolean(check || kase || oracle)]).toEqual([r.id, j, true]);
        if (oracle) expect([j, (oracle.rules as readonly string[]).includes(r.id)]).toEqual([j, true]);
        if (check) expect(check.id).toBe(r.id);
        if (kase && !check) expect([j, kase.rules.includes(r.id)]).toEqual([j, true]);
      }
    }
  });

  it("is what every check, case and fault refers to", () => {
    for (const c of CHECKS) expect([c.id, ids.has(c.id)]).toEqual([c.id, true]);
    for (const c of CASES) for (const r of c.rules) expect([c.id, r, ids.has(r)]).toEqual([c.id, r, true]);
    for (const f of FAULTS) for (const r of f.breaks) expect([f.id, r, ids.has(r)]).toEqual([f.id, r, true]);
  });

  it("keeps file names equal to ids, and every file in its index", () => {
    const files = (d: string) =>
      dir(d).filter(
        (f) =>
          f.endsWith(".ts") && !/^(index|check|case|helpers|fault)\.ts$/.test(f) && !f.endsWith(".test.ts"),
      );
    expect(
      files("judge/checks")
        .map((f) => f.replace(/\.ts$/, ""))
        .sort(),
    ).toEqual(CHECKS.map((c) => c.id).sort());
    // Table-shaped cases live in specs/refusals.json, run by cases/refusals.ts; every other case is a file.
    const tables = new Set(REFUSALS.map((r) => r.id));
    expect(
      files("cases")
        .filter((f) => f !== "refusals.ts")
        .map((f) => f.replace(/\.ts$/, ""))
        .sort(),
    ).toEqual(
      CASES.map((c) => c.id)
        .filter((id) => !tables.has(id))
        .sort(),
    );
    for (const id of tables) expect(CASES.map((c) => c.id)).toContain(id);
    expect(
      files("emulator/faults")
        .map((f) => f.replace(/\.ts$/, ""))
        .sort(),
    ).toEqual(FAULTS.map((f) => f.id).sort());
  });

  it("says in the emulator's fault files only rule ids, never imports of the suite's checks", () => {
    const files = ["", "holdout/", "holdout/benign/"].flatMap((sub) =>
      dir(`emulator/faults/${sub}`)
        .filter((f) => f.endsWith(".ts"))
        .map((f) => `${sub}${f}`),
    );
    for (const f of files) {
      const text = readFileSync(
        fileURLToPath(new URL(`../../emulator/faults/${f}`, import.meta.url)),
        "utf8",
      );
      expect([f, /from "(\.\.\/)+(judge|cases|run|generate)\//.test(text)]).toEqual([f, false]);
    }
  });
});

describe("docs/rules.md", () => {
  it("lists every rule of the catalogue with its level", () => {
    const page = readFileSync(fileURLToPath(new URL("../../../docs/rules.md", import.meta.url)), "utf8");
    for (const r of RULES) expect(page).toContain(`| \`${r.id}\` | ${r.level} |`);
  });
});

describe("rule sources", () => {
  it("are public documentation pages people can open (a URL and a section), never files beside the repository", () => {
    for (const r of RULES) {
      expect([r.id, /^https:\/\//.test(r.source)]).toEqual([r.id, true]);
      expect([r.id, /(^|\s)(seed|reference)\/|\.md\b|\.txt\b/.test(r.source)]).toEqual([r.id, false]);
      expect([r.id, r.clause.length > 0]).toEqual([r.id, true]);
    }
  });
});
