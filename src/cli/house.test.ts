import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ROLES } from "../core/roles.js";
import { measureHouse, sourcesOf, thisHouse } from "./house.js";

// Issue 24: src/ is a few folders named by role; src/core/roles.ts says which may import which.
const src = fileURLToPath(new URL("../", import.meta.url));
const dirs = (d: string) => readdirSync(d).filter((f) => statSync(join(d, f)).isDirectory());

describe("the house", () => {
  it("has a role in the table for every folder of src/ (src/proof/ holds tests), and a folder for every role and room", () => {
    const roles = ROLES.map((r) => r.role).filter((r) => r !== ".");
    expect(
      dirs(src)
        .filter((d) => d !== "proof")
        .sort(),
    ).toEqual([...roles].sort());
    expect(roles.length).toBeLessThanOrEqual(12);
    for (const r of ROLES)
      for (const room of Object.keys(r.rooms ?? {})) expect(dirs(join(src, r.role))).toContain(room);
  });

  it("imports only what the table allows, and no two rooms of a role import each other", () => {
    const h = thisHouse(src);
    expect(h.crossings).toBeGreaterThan(300);
    expect(h.violations).toEqual([]);
    expect(h.roomCycles).toEqual([]);
  });

  it("allows no import of a role above: the table points down", () => {
    const order = ROLES.map((r) => r.role);
    for (const r of ROLES)
      for (const to of r.imports)
        expect([r.role, to, order.indexOf(to) < order.indexOf(r.role)]).toEqual([r.role, to, true]);
  });

  it("fails on an import planted in the real tree: upward, type-only and dynamic", () => {
    const files = new Map(sourcesOf(src));
    files.set(join(src, "core/kernel/planted.ts"), 'import { main } from "../../cli/main.js";');
    files.set(join(src, "judge/checks/planted.ts"), 'import type { Case } from "../../cases/index.js";');
    files.set(join(src, "emulator/planted.ts"), 'const g = await import("../generate/payload.js");');
    files.set(join(src, "cli/planted.ts"), 'import { EXIT } from "../core/kernel/errors.js";');
    expect(measureHouse(src, files, ROLES).violations).toEqual([
      "core/kernel/planted.ts (core) -> cli/main.js (cli)",
      "emulator/planted.ts (emulator) -> generate/payload.js (generate)",
      "judge/checks/planted.ts (judge) -> cases/index.js (cases)",
    ]);
  });

  it("finds two rooms of one role that import each other", () => {
    const files = new Map(sourcesOf(src));
    files.set(join(src, "judge/checks/planted.ts"), 'import { x } from "../verdict/tally.js";');
    files.set(join(src, "judge/verdict/planted.ts"), 'import { y } from "../checks/index.js";');
    expect(measureHouse(src, files, ROLES).roomCycles).toEqual(["judge/checks -> judge/verdict"]);
  });
});
