import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../contract/paths.js";
import { ALL_TABLES, generatedDocs, generatedObserveDoc } from "./docs.js";
import { EMULATOR_SETTINGS } from "./emulator-settings.js";
import { OBSERVE_SETTINGS } from "./observe-settings.js";

describe("generated documents", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const docs = generatedDocs(readme);

  it(".env.example and the README's settings tables are the ones the tables make (npm run docs)", () => {
    expect(readFileSync(join(repoRoot, ".env.example"), "utf8")).toBe(docs.envExample);
    expect(readme).toBe(docs.readme);
  });

  it("docs/observe.md's settings table is the one the observe command's table makes", () => {
    const page = readFileSync(join(repoRoot, "docs/observe.md"), "utf8");
    expect(page).toBe(generatedObserveDoc(page));
  });

  it("list every environment setting of every command", () => {
    for (const s of [...ALL_TABLES.flat(), ...EMULATOR_SETTINGS, ...OBSERVE_SETTINGS].filter((x) => x.env))
      expect(docs.envExample).toContain(`# ${s.env}=`);
  });
});
