import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { schemasDir } from "../core/contract/paths.js";
import { parseCli } from "./args.js";
import { CONFIG_FILE, fileSettings } from "./config-file.js";
import { parseWith } from "./parse.js";
import { resolveSettings } from "./settings.js";
import { COMMAND_TABLES, MATRIX_SETTINGS, RUN_SETTINGS } from "./table.js";

// Issue 22: a config file, validated by a schema, holding any setting of the table; flags and the
// environment still win; secrets stay environment-only.
const folder = (files: Record<string, unknown>): string => {
  const dir = mkdtempSync(join(tmpdir(), "tim-cfg-"));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), typeof data === "string" ? data : JSON.stringify(data));
  }
  return dir;
};
const schema = JSON.parse(readFileSync(join(schemasDir, "inputs", "config.json"), "utf8"));

describe("the config file", () => {
  it("has a schema key for every setting of every command's table but the secrets and the Info flags", () => {
    const keys = Object.keys(schema.properties).filter((k) => k !== "$schema");
    const expected = COMMAND_TABLES.flat()
      .filter((s) => !s.secret && s.group !== "Info" && s.key !== "config")
      .map((s) => s.key);
    expect(keys.sort()).toEqual([...new Set(expected)].sort());
    expect(keys).not.toContain("secretKey");
    expect(keys).not.toContain("usersig");
    // strict ajv compiles it: the same validator the suite loads files with
    expect(() => new Ajv2020({ strict: true }).compile(schema)).not.toThrow();
  });

  it("gives every setting it holds to the run, as the flags would", () => {
    const dir = folder({
      "ci/tim.json": {
        $schema: "../node_modules/tim-group-add-conformance/schemas/inputs/config.json",
        baseUrl: "http://127.0.0.1:9",
        seed: 42,
        profile: "ci",
        cases: ["group-cap", "auth"],
        lanes: "2",
        reportDir: "out",
        resetPool: true,
        timeoutMs: 2500,
      },
    });
    const s = resolveSettings(parseCli(["--config", join(dir, "ci/tim.json")], {}).raw);
    expect(s.target).toEqual({ kind: "base-url", baseUrl: "http://127.0.0.1:9" });
    expect([s.seed, s.cases, s.lanes, s.resetPool, s.timeoutMs]).toEqual([
      42,
      ["group-cap", "auth"],
      2,
      true,
      2500,
    ]);
    // a path in the file is read from the file's folder
    expect(s.reportDir).toBe(join(dir, "ci", "out"));
  });

  it("loses to the environment, which loses to a flag", () => {
    const dir = folder({ [CONFIG_FILE]: { seed: 5, prefix: "from_file" } });
    const seed = (argv: string[], env: Record<string, string>) =>
      parseWith(RUN_SETTINGS, argv, env, dir).seed;
    expect(seed([], {})).toBe("5");
    expect(seed([], { TIM_SEED: "6" })).toBe("6");
    expect(seed(["--seed", "7"], { TIM_SEED: "6" })).toBe("7");
    expect(parseWith(RUN_SETTINGS, [], {}, dir).prefix).toBe("from_file");
  });

  it("is found in the current folder as tim-conformance.config.json, and a target given elsewhere replaces its target", () => {
    const dir = folder({ [CONFIG_FILE]: { region: "singapore", seed: 3 } });
    expect(parseWith(RUN_SETTINGS, [], {}, dir)).toMatchObject({ region: "singapore", seed: "3" });
    const v = parseWith(RUN_SETTINGS, ["--base-url", "http://127.0.0.1:9"], {}, dir);
    expect(v.region).toBeUndefined();
    expect(v).toMatchObject({ baseUrl: "http://127.0.0.1:9", seed: "3" });
    // a setting of another command waits for that command
    expect(parseWith(MATRIX_SETTINGS, [], {}, dir).region).toBeUndefined();
  });

  it.each([
    [{ secretKey: "k" }, /"secretKey" is a secret, read from the environment only \(TIM_SECRET_KEY\)/],
    [{ usersig: "eJx" }, /"usersig" is a secret, read from the environment only \(TIM_USERSIG\)/],
    [{ sed: 7 }, /unknown setting "sed"; did you mean "seed"\?/],
    [{ profile: "fast" }, /\/profile must be equal to one of the allowed values/],
    [{ cases: "auth" }, /\/cases must be array/],
    [{ baseUrl: "" }, /\/baseUrl must NOT have fewer than 1 characters/],
    ["{ not json", /cannot read .* as JSON/],
  ])("refuses %j with exit 2, naming the key", (data, message) => {
    const dir = folder({ "c.json": data });
    expect(() => parseWith(RUN_SETTINGS, ["--config", join(dir, "c.json")], {}, dir)).toThrow(message);
  });

  it("is checked by the table's own checks once read, as a flag is", () => {
    const dir = folder({ [CONFIG_FILE]: { seed: -1 } });
    expect(() => parseWith(RUN_SETTINGS, [], {}, dir)).toThrow(/\/seed must be >= 0/);
    const big = folder({ [CONFIG_FILE]: { lanes: 9999 } });
    expect(() => resolveSettings(parseWith(RUN_SETTINGS, [], {}, big))).toThrow(
      /TIM_LANES: must be a whole number/,
    );
  });

  it("named but missing is exit 2, and the file settings exclude what must never be in a file", () => {
    expect(() => parseWith(RUN_SETTINGS, ["--config", "/nonexistent/x.json"], {}, tmpdir())).toThrow(
      /--config: \/nonexistent\/x.json does not exist/,
    );
    expect(fileSettings(COMMAND_TABLES).some((s) => s.secret || s.group === "Info")).toBe(false);
  });
});
