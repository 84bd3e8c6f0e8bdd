import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 22: `openapi` printed into node_modules/… of a consumer's project, and `--out -` made a file named "-".
const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "dist", "bin.js");
const spec = JSON.parse(readFileSync(join(root, "specs", "openapi.json"), "utf8"));

describe("tim-conformance openapi", () => {
  it("prints the description on stdout by default and with --out -, writing no file", () => {
    const cwd = mkdtempSync(join(tmpdir(), "tim-oa-"));
    for (const args of [[], ["--out", "-"]]) {
      const out = execFileSync(process.execPath, [bin, "openapi", ...args], { cwd, encoding: "utf8" });
      expect(JSON.parse(out)).toEqual(spec);
      expect(JSON.parse(out).openapi).toBe("3.1.0");
    }
    expect(existsSync(join(cwd, "-"))).toBe(false);
  });

  it("writes --out FILE, and --check compares with it", () => {
    const cwd = mkdtempSync(join(tmpdir(), "tim-oa-"));
    const r = spawnSync(process.execPath, [bin, "openapi", "--out", "api.json"], { cwd, encoding: "utf8" });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "", `wrote ${join(cwd, "api.json")}\n`]);
    expect(JSON.parse(readFileSync(join(cwd, "api.json"), "utf8"))).toEqual(spec);
    const check = spawnSync(process.execPath, [bin, "openapi", "--check", "--out", "api.json"], {
      cwd,
      encoding: "utf8",
    });
    expect(check.status).toBe(0);
  });

  it("suggests the flag or subcommand a typo meant (exit 2)", () => {
    const typo = spawnSync(process.execPath, [bin, "openapi", "--chek"], { encoding: "utf8" });
    expect([typo.status, typo.stderr]).toEqual([
      2,
      expect.stringMatching(/unknown --chek; did you mean --check\?/),
    ]);
    const sub = spawnSync(process.execPath, [bin, "matirx"], { encoding: "utf8" });
    expect([sub.status, sub.stderr]).toEqual([
      2,
      expect.stringMatching(/^error: TIM_ERR_CONFIG: unknown subcommand "matirx"; did you mean matrix\?/),
    ]);
  });
});
