import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../core/contract/paths.js";
import { ALL_TABLES, CONFIG_SCHEMA, GENERATED_PAGES, generatedDocs } from "./docs.js";
import { EMULATOR_SETTINGS } from "./emulator-settings.js";
import { OBSERVE_SETTINGS } from "./observe-settings.js";

describe("generated documents", () => {
  const read = (page: string) => readFileSync(join(repoRoot, page), "utf8");
  const docs = generatedDocs(read);

  it(".env.example and the generated tables of docs/ are the ones the tables make (npm run docs)", () => {
    expect(read(".env.example")).toBe(docs.envExample);
    for (const page of GENERATED_PAGES) expect([page, read(page)]).toEqual([page, docs.pages[page]]);
    // compared as data: the file on disk is Biome's layout of the same JSON
    expect(JSON.parse(readFileSync(CONFIG_SCHEMA, "utf8"))).toEqual(JSON.parse(docs.configSchema));
  });

  it("list every environment setting of every command", () => {
    for (const s of [...ALL_TABLES.flat(), ...EMULATOR_SETTINGS, ...OBSERVE_SETTINGS].filter((x) => x.env))
      expect(docs.envExample).toContain(`# ${s.env}=`);
  });
});
