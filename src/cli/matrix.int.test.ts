import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { matrixMain } from "./matrix-main.js";

describe("npm run matrix", () => {
  it("shows the emulator and two faulty variants side by side, marking where they differ", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tim-matrix-"));
    let out = "";
    const code = await matrixMain(
      [
        "--target",
        "clean=emulator",
        "--target",
        "cap-bug=emulator:fault=cap-ignores-existing",
        "--target",
        "no-seq=emulator:fault=sequence-missing",
        "--target",
        "live-2020=emulator:variant=live-2020",
        "--runs",
        "10",
        "--report-dir",
        dir,
      ],
      {},
      { out: (s) => (out += s), err: () => {} },
    );
    expect(code).toBe(1);
    expect(out).toMatch(
      /^clean: CONFORMANT\ncap-bug: NOT CONFORMANT\nno-seq: NOT CONFORMANT\nlive-2020: CONFORMANT$/m,
    );
    const md = readFileSync(join(dir, "matrix.md"), "utf8");
    expect(md).toContain("| Rule | Level | clean | cap-bug | no-seq | live-2020 |");
    expect(md).toContain("| `group-cap-32` ◀ | MUST | ✅ | ❌ FAIL | ✅ | ✅ |");
    expect(md).toContain("| `success-sequence` ◀ | MUST | ✅ | ✅ | ❌ FAIL | ✅ |");
    expect(md).toMatch(/\| `open-not-friend-code` ◀ \| 32216 [^|]*\| .*\| 30001 /);
    const json = JSON.parse(readFileSync(join(dir, "matrix.json"), "utf8"));
    expect(json.targets.map((t: { exitCode: number }) => t.exitCode)).toEqual([0, 1, 1, 0]);
  });

  it("needs at least two named targets", async () => {
    let err = "";
    const code = await matrixMain(
      ["--target", "only=emulator"],
      {},
      { out: () => {}, err: (s) => (err += s) },
    );
    expect(code).toBe(2);
    expect(err).toMatch(/^error: TIM_ERR_CONFIG: --target: name at least two targets/);
  });
});
