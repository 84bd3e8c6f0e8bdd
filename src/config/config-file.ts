import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { checkInput } from "../core/contract/inputs.js";
import { configError } from "../core/kernel/errors.js";
import { didYouMean } from "./suggest.js";
import type { SettingSpec } from "./table.js";

/** Found in the current folder when no --config is given. */
export const CONFIG_FILE = "tim-conformance.config.json";

/** Settings a file may hold: every one of the table but the secrets (environment only), --config and the Info flags. */
export const fileSettings = (tables: ReadonlyArray<readonly SettingSpec[]>): SettingSpec[] => {
  const seen = new Set<string>();
  return tables.flat().filter((s) => {
    if (seen.has(s.key) || s.secret || s.group === "Info" || s.key === "config") return false;
    seen.add(s.key);
    return true;
  });
};

const numeric = (s: SettingSpec): boolean => s.arg === "N" || s.arg === "S" || s.arg === "K";
/** A path setting given in a file is read from the file's folder, as tsconfig's paths are. */
const isPath = (s: SettingSpec): boolean => /FILE|DIR/.test(s.arg ?? "");

/**
 * schemas/inputs/config.json, made from the settings tables by `npm run docs` (a test keeps it in
 * sync): one property per setting, named by its key (the library's `settings` use the same names).
 * Numbers may be written as numbers; the table's own check still judges every value, as for a flag.
 */
export function configSchema(tables: ReadonlyArray<readonly SettingSpec[]>): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    $schema: { type: "string", description: "where an editor finds this schema" },
  };
  for (const s of fileSettings(tables)) {
    const description = `${s.help}${s.env ? ` (${s.env})` : ""}; flag --${s.flag}`;
    const choices = s.arg?.includes("|") && !s.arg.includes("FILE") ? s.arg.split("|") : undefined;
    if (s.boolean) properties[s.key] = { type: "boolean", description };
    else if (s.multiple)
      properties[s.key] = { type: "array", items: { type: "string", minLength: 1 }, description };
    else if (choices) properties[s.key] = { enum: choices, description };
    else if (numeric(s))
      properties[s.key] = {
        anyOf: [
          { type: "number", minimum: 0 },
          { type: "string", minLength: 1 },
        ],
        description,
      };
    else properties[s.key] = { type: "string", minLength: 1, description };
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://tim-conformance.invalid/schemas/inputs/config.json",
    title: `${CONFIG_FILE}: settings of tim-conformance (generated from src/config/table.ts by npm run docs)`,
    description:
      "Flags and the environment win over this file. The secret key and a UserSig are read from the environment only.",
    type: "object",
    additionalProperties: false,
    properties,
  };
}

/** The file --config (or TIM_CONFIG) names, else tim-conformance.config.json when the current folder has one. */
export function configPath(given: string | undefined, cwd: string): string | undefined {
  if (given !== undefined) {
    if (!existsSync(resolve(cwd, given))) throw configError("--config", `${given} does not exist`);
    return resolve(cwd, given);
  }
  const found = resolve(cwd, CONFIG_FILE);
  return existsSync(found) ? found : undefined;
}

/**
 * A config file's values for `table`, as flags would give them (strings, lists, booleans). A secret
 * or an unknown key is refused with exit 2, naming the key (and what it probably meant); a setting
 * of another command (matrix's targets in a run) is left for that command.
 */
export function readConfigFile(
  file: string,
  table: readonly SettingSpec[],
  all: ReadonlyArray<readonly SettingSpec[]>,
): Record<string, string | string[] | boolean> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw configError("--config", `cannot read ${file} as JSON (${why})`);
  }
  // Secrets and typos first: they get a sentence of their own rather than the schema's.
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const known = fileSettings(all).map((s) => s.key);
    for (const key of Object.keys(raw)) {
      const secret = all.flat().find((s) => s.key === key && s.secret);
      if (secret)
        throw configError(
          "--config",
          `${file}: "${key}" is a secret, read from the environment only (${secret.env}); keep it out of files`,
        );
      if (key !== "$schema" && !known.includes(key))
        throw configError(
          "--config",
          `${file}: unknown setting "${key}"${didYouMean(key, known, (k) => `"${k}"`)}`,
        );
    }
  }
  const data = checkInput<Record<string, unknown>>("config", "--config", file, raw);
  const out: Record<string, string | string[] | boolean> = {};
  for (const s of table) {
    const v = data[s.key];
    if (v === undefined || s.secret || s.group === "Info") continue;
    if (Array.isArray(v)) out[s.key] = v.map(String);
    else if (typeof v === "boolean") out[s.key] = v;
    else out[s.key] = isPath(s) ? resolve(dirname(file), String(v)) : String(v);
  }
  return out;
}
