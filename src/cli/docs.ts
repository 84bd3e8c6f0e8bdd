import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONDITIONS } from "../cases/auth.js";
import { configSchema } from "../config/config-file.js";
import { renderEnvExample, renderSettingsMarkdown } from "../config/help.js";
import { COMMAND_TABLES } from "../config/table.js";
import { ERROR_CODES } from "../core/contract/codes.js";
import { repoRoot, schemasDir } from "../core/contract/paths.js";
import { RULES } from "../core/rules/catalogue.js";
import { markdownCell } from "../report/escape.js";
import { EMULATOR_SETTINGS } from "./emulator-settings.js";
import { houseTable } from "./house-doc.js";
import { OBSERVE_SETTINGS } from "./observe-settings.js";

/** The settings tables every generated document is made from, in the order a reader meets them. */
export const ALL_TABLES = COMMAND_TABLES;
/** schemas/inputs/config.json: generated, so a setting added to the table is a key of the config file at once. */
export const CONFIG_SCHEMA = join(schemasDir, "inputs", "config.json");
const START = "<!-- settings:start (generated from src/config/table.ts by npm run docs) -->";
const END = "<!-- settings:end -->";
const EMU_START =
  "<!-- emulator-settings:start (generated from src/cli/emulator-settings.ts by npm run docs) -->";
const EMU_END = "<!-- emulator-settings:end -->";
const OBS_START =
  "<!-- observe-settings:start (generated from src/cli/observe-settings.ts by npm run docs) -->";
const OBS_END = "<!-- observe-settings:end -->";

function between(file: string, text: string, start: string, end: string, body: string): string {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} lacks the markers ${start} … ${end}`);
  return `${text.slice(0, a + start.length)}\n${body}${text.slice(b)}`;
}

const HOUSE_START = "<!-- house:start (generated from src/core/roles.ts by npm run docs) -->";
const HOUSE_END = "<!-- house:end -->";
const RULES_START = "<!-- rules:start (generated from specs/rules.json by npm run docs) -->";
const RULES_END = "<!-- rules:end -->";

function rulesTable(): string {
  const rows = RULES.map((r) => `| \`${r.id}\` | ${r.level} | ${r.title.replace(/\|/g, "\\|")} |`);
  return `| Rule | Level | What it says |\n|---|---|---|\n${rows.join("\n")}\n`;
}

const CODES_START = "<!-- codes:start (generated from specs/error-codes.json by npm run docs) -->";
const CODES_END = "<!-- codes:end -->";

function codesTable(): string {
  const rows = ERROR_CODES.map(
    (c) =>
      `| ${c.code} | \`${c.name}\` | ${markdownCell(c.meaning)} | ${c.tags.join(", ")} | ${markdownCell(c.source)} |`,
  );
  return `| Code | Name | Meaning | Tags | Source |\n|---|---|---|---|---|\n${rows.join("\n")}\n`;
}

const COND_START = "<!-- conditions:start (generated from specs/conditions.json by npm run docs) -->";
const COND_END = "<!-- conditions:end -->";

function conditionsTable(): string {
  const rows = CONDITIONS.conditions.map((c) => {
    const probes = c.request
      ? `\`auth\` (× ${CONDITIONS.bodies.length} bodies), expects ${c.expect ?? "refused"}`
      : (c.probes ?? []).map((p) => (/^[a-z-]+$/.test(p) ? `\`${p}\`` : p)).join(", ");
    return `| ${markdownCell(c.condition)} | ${c.code ?? "—"} | \`${markdownCell(c.rule)}\` | ${probes} |`;
  });
  return `| Condition | Documented codes | Rule | Probed by |\n|---|---|---|---|\n${rows.join("\n")}\n`;
}

/** The documents with generated parts, relative to the repository: each part between its markers. */
export const GENERATED_PAGES = [
  "docs/settings.md",
  "docs/rules.md",
  "docs/emulator.md",
  "docs/observe.md",
  "docs/architecture.md",
] as const;
export type Page = (typeof GENERATED_PAGES)[number];

/** What .env.example, the generated pages of docs/ and the config file's schema must hold, made from the tables and the catalogue. */
export function generatedDocs(read: (page: Page) => string): {
  envExample: string;
  pages: Record<Page, string>;
  configSchema: string;
} {
  const rules = read("docs/rules.md");
  const withConditions = between("docs/rules.md", rules, COND_START, COND_END, conditionsTable());
  return {
    envExample: renderEnvExample([...ALL_TABLES, EMULATOR_SETTINGS, OBSERVE_SETTINGS]),
    pages: {
      "docs/settings.md": between(
        "docs/settings.md",
        read("docs/settings.md"),
        START,
        END,
        renderSettingsMarkdown(ALL_TABLES),
      ),
      "docs/rules.md": between(
        "docs/rules.md",
        between("docs/rules.md", withConditions, RULES_START, RULES_END, rulesTable()),
        CODES_START,
        CODES_END,
        codesTable(),
      ),
      "docs/emulator.md": between(
        "docs/emulator.md",
        read("docs/emulator.md"),
        EMU_START,
        EMU_END,
        renderSettingsMarkdown([EMULATOR_SETTINGS]),
      ),
      "docs/observe.md": between(
        "docs/observe.md",
        read("docs/observe.md"),
        OBS_START,
        OBS_END,
        renderSettingsMarkdown([OBSERVE_SETTINGS]),
      ),
      "docs/architecture.md": between(
        "docs/architecture.md",
        read("docs/architecture.md"),
        HOUSE_START,
        HOUSE_END,
        houseTable(),
      ),
    },
    configSchema: `${JSON.stringify(configSchema(ALL_TABLES), null, 2)}\n`,
  };
}

/** `npm run docs`: rewrites .env.example, the generated tables of docs/ and the config schema. */
export function writeDocs(): void {
  const docs = generatedDocs((page) => readFileSync(join(repoRoot, page), "utf8"));
  writeFileSync(join(repoRoot, ".env.example"), docs.envExample);
  for (const page of GENERATED_PAGES) writeFileSync(join(repoRoot, page), docs.pages[page]);
  writeFileSync(CONFIG_SCHEMA, docs.configSchema);
}
