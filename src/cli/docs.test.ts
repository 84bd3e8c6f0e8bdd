import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../contract/paths.js";
import { ALL_TABLES, CONFIG_SCHEMA, generatedDocs } from "./docs.js";
import { EMULATOR_SETTINGS } from "./emulator-settings.js";

describe("generated documents", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const docs = generatedDocs(readme);

  it(".env.example and the README's settings tables are the ones the tables make (npm run docs)", () => {
    expect(readFileSync(join(repoRoot, ".env.example"), "utf8")).toBe(docs.envExample);
    expect(readme).toBe(docs.readme);
    // compared as data: the file on disk is Biome's layout of the same JSON
    expect(JSON.parse(readFileSync(CONFIG_SCHEMA, "utf8"))).toEqual(JSON.parse(docs.configSchema));
  });

  it("list every environment setting of every command", () => {
    for (const s of [...ALL_TABLES.flat(), ...EMULATOR_SETTINGS].filter((x) => x.env))
      expect(docs.envExample).toContain(`# ${s.env}=`);
  });
});
