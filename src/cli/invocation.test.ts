import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCli } from "../config/args.js";
import { suggest } from "../config/suggest.js";
import { invocationOf } from "./invocation.js";
import { main } from "./main.js";

// Issue 22: replay commands and --help in the words the user typed; "did you mean" for typos.
describe("the command as the user typed it", () => {
  const project = mkdtempSync(join(tmpdir(), "tim-inv-"));
  const binDir = join(project, "node_modules", ".bin");
  mkdirSync(binDir, { recursive: true });
  const bin = join(binDir, "tim-conformance");
  writeFileSync(bin, "#!/bin/sh\n");
  chmodSync(bin, 0o755);

  it.each([
    [
      "npx (npm exec)",
      { npm_command: "exec", npm_lifecycle_script: "'tim-conformance'" },
      bin,
      "npx tim-conformance",
    ],
    [
      "an npm script (npm 11)",
      {
        npm_command: "run",
        npm_lifecycle_event: "conformance",
        npm_lifecycle_script: "exec node dist/bin.js run",
      },
      "/r/dist/bin.js",
      "npm run conformance --",
    ],
    [
      "an npm script (npm 10)",
      {
        npm_command: "run-script",
        npm_lifecycle_event: "judge",
        npm_lifecycle_script: "tim-conformance --profile ci",
      },
      bin,
      "npm run judge --",
    ],
    [
      "a child of another npm script (vitest)",
      { npm_command: "run", npm_lifecycle_event: "test", npm_lifecycle_script: "vitest run" },
      bin,
      "node_modules/.bin/tim-conformance",
    ],
    ["the bin by its path", {}, bin, "node_modules/.bin/tim-conformance"],
    ["the bin found on PATH", { PATH: `/usr/bin:${binDir}` }, bin, "tim-conformance"],
    ["node and the script", {}, join(project, "dist", "bin.js"), "node dist/bin.js"],
    ["nothing known", {}, undefined, "npx tim-conformance"],
  ])("%s", (_name, env, script, expected) => {
    expect(invocationOf("run", env, script, project)).toBe(expected);
  });

  it("names the subcommand when it is not the default run", () => {
    expect(
      invocationOf(
        "emulator",
        { npm_command: "exec", npm_lifecycle_script: "tim-conformance emulator" },
        bin,
        project,
      ),
    ).toBe("npx tim-conformance emulator");
    expect(invocationOf("matrix", {}, bin, project)).toBe("node_modules/.bin/tim-conformance matrix");
  });

  it("is what --help's usage line and the replay commands say", async () => {
    let out = "";
    const io = { out: (s: string) => (out += s), err: () => {}, invocation: "npx tim-conformance" };
    expect(await main(["--help"], {}, io)).toBe(0);
    expect(out).toMatch(/^Usage: npx tim-conformance \[options\]/);
    expect(out).not.toContain("npm run conformance");
  });
});

describe("did you mean", () => {
  it.each([
    ["sed", "seed"],
    ["base-ulr", "base-url"],
    ["repot-dir", "report-dir"],
    ["emulator-faults", "emulator-fault"],
    ["prof", "profile"],
  ])("--%s → --%s", (typo, meant) => {
    expect(() => parseCli([`--${typo}`, "x"], {})).toThrow(
      new RegExp(`unknown option --${typo}; did you mean --${meant}\\?`),
    );
  });

  it("says nothing when nothing is close", () => {
    expect(suggest("zzzzzz", ["seed", "profile"])).toBeUndefined();
    expect(() => parseCli(["--zzzzzz"], {})).toThrow(/unknown option --zzzzzz; see --help/);
  });

  it("for a positional word that was meant as a flag", () => {
    expect(() => parseCli(["seed", "7"], {})).toThrow(
      /unexpected argument "seed" \(every setting is a --flag\); did you mean --seed\?/,
    );
  });
});
