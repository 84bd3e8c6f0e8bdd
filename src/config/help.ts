import type { SettingGroup, SettingSpec } from "./table.js";

const GROUPS: SettingGroup[] = ["Target", "Credentials", "Run", "Live service", "Info"];

function flagText(s: SettingSpec): string {
  if (!s.flag) return "(environment only)";
  return `--${s.flag}${s.arg ? ` ${s.arg}` : ""}`;
}

/** --help of a command, made from its settings table: one setting per line, its environment name after. */
export function renderHelp(usage: string, about: string, table: readonly SettingSpec[], footer = ""): string {
  const lines = [`Usage: ${usage}`, "", about, ""];
  for (const g of GROUPS) {
    const rows = table.filter((s) => s.group === g);
    if (rows.length === 0) continue;
    lines.push(`${g}:`);
    for (const s of rows) {
      const where = s.env ? ` [${s.env}]` : "";
      const dflt = s.default !== "—" && !s.boolean ? ` (default: ${s.default})` : "";
      lines.push(`  ${flagText(s).padEnd(26)} ${s.help}${dflt}${where}`);
    }
  }
  return `${lines.join("\n")}\n${footer}`;
}

/** .env.example, made from the tables: every setting with an environment name, commented out. */
export function renderEnvExample(tables: ReadonlyArray<readonly SettingSpec[]>): string {
  const seen = new Set<string>();
  const lines = [
    "# Settings of tim-conformance (npm run conformance, drift, matrix). Flags of the same name win.",
    "# Generated from src/config/table.ts by `npm run docs`; a test fails when it drifts.",
    "# Copy to .env and fill in. .env is git-ignored: never commit a secret key.",
    "#",
    "# With no target set, the embedded reference emulator is judged and nothing below is needed.",
  ];
  for (const g of GROUPS) {
    const rows = tables.flat().filter((s) => {
      if (s.group !== g || !s.env || seen.has(s.env)) return false;
      seen.add(s.env);
      return true;
    });
    if (rows.length === 0) continue;
    lines.push("", `# ${g}`);
    for (const s of rows) {
      const dflt = s.default === "—" ? "" : ` Default: ${s.default}.`;
      lines.push(`# ${s.help}.${dflt}${s.secret ? " Secret: never printed or written." : ""}`);
      lines.push(`# ${s.env}=${s.example ?? ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The README's settings table, made from the same tables. */
export function renderSettingsMarkdown(tables: ReadonlyArray<readonly SettingSpec[]>): string {
  const seen = new Set<string>();
  const rows = ["| Setting | Flag | Meaning | Default |", "|---|---|---|---|"];
  for (const s of tables.flat()) {
    const id = s.env ?? s.flag ?? s.key;
    if (seen.has(id) || s.group === "Info") continue;
    seen.add(id);
    const flag = s.flag ? `\`--${s.flag}\`` : "—";
    const name = s.env ? `\`${s.env}\`` : "—";
    const meaning = `${s.help}${s.secret ? " (secret: never printed or written)" : ""}`.replace(/\|/g, "\\|");
    rows.push(`| ${name} | ${flag} | ${meaning} | ${s.default.replace(/\|/g, "\\|")} |`);
  }
  return `${rows.join("\n")}\n`;
}
