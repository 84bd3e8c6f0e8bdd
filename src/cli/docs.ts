import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONDITIONS } from "../cases/auth.js";
import { renderEnvExample, renderSettingsMarkdown } from "../config/help.js";
import { DRIFT_SETTINGS, MATRIX_SETTINGS, MERGE_SETTINGS, RUN_SETTINGS } from "../config/table.js";
import { repoRoot } from "../contract/paths.js";
import { markdownCell } from "../reporters/escape.js";
import { RULES } from "../rules/catalogue.js";
import { EMULATOR_SETTINGS } from "./emulator-settings.js";
import { OBSERVE_SETTINGS } from "./observe-settings.js";

/** The settings tables every generated document is made from, in the order a reader meets them. */
export const ALL_TABLES = [RUN_SETTINGS, DRIFT_SETTINGS, MATRIX_SETTINGS, MERGE_SETTINGS];
const START = "<!-- settings:start (generated from src/config/table.ts by npm run docs) -->";
const END = "<!-- settings:end -->";
const EMU_START =
  "<!-- emulator-settings:start (generated from src/cli/emulator-settings.ts by npm run docs) -->";
const EMU_END = "<!-- emulator-settings:end -->";

function between(text: string, start: string, end: string, body: string): string {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`the page lacks the markers ${start} … ${end}`);
  return `${text.slice(0, a + start.length)}\n${body}${text.slice(b)}`;
}

const RULES_START = "<!-- rules:start (generated from specs/rules.json by npm run docs) -->";
const RULES_END = "<!-- rules:end -->";

function rulesTable(): string {
  const rows = RULES.map((r) => `| \`${r.id}\` | ${r.level} | ${r.title.replace(/\|/g, "\\|")} |`);
  return `| Rule | Level | What it says |\n|---|---|---|\n${rows.join("\n")}\n`;
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

/** What .env.example and README.md must hold, made from the tables and the rule catalogue. */
export function generatedDocs(readme: string): { envExample: string; readme: string } {
  const withConditions = between(readme, COND_START, COND_END, conditionsTable());
  const withRules = between(withConditions, RULES_START, RULES_END, rulesTable());
  const withRun = between(withRules, START, END, renderSettingsMarkdown(ALL_TABLES));
  return {
    envExample: renderEnvExample([...ALL_TABLES, EMULATOR_SETTINGS, OBSERVE_SETTINGS]),
    readme: between(withRun, EMU_START, EMU_END, renderSettingsMarkdown([EMULATOR_SETTINGS])),
  };
}

const OBS_START =
  "<!-- observe-settings:start (generated from src/cli/observe-settings.ts by npm run docs) -->";
const OBS_END = "<!-- observe-settings:end -->";

/** What docs/observe.md must hold: its settings table made from the observe command's table. */
export function generatedObserveDoc(page: string): string {
  return between(page, OBS_START, OBS_END, renderSettingsMarkdown([OBSERVE_SETTINGS]));
}

/** `npm run docs`: rewrites .env.example, the README's settings tables and docs/observe.md's. */
export function writeDocs(): void {
  const observePath = join(repoRoot, "docs/observe.md");
  writeFileSync(observePath, generatedObserveDoc(readFileSync(observePath, "utf8")));
  const readmePath = join(repoRoot, "README.md");
  const docs = generatedDocs(readFileSync(readmePath, "utf8"));
  writeFileSync(join(repoRoot, ".env.example"), docs.envExample);
  writeFileSync(readmePath, docs.readme);
}
