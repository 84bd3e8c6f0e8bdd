import { parseArgs } from "node:util";
import { configError } from "../core/kernel/errors.js";
import { configPath, readConfigFile } from "./config-file.js";
import { didYouMean } from "./suggest.js";
import { COMMAND_TABLES, type SettingSpec } from "./table.js";

export type RawValue = string | string[] | boolean;

/** The name a person knows a setting by, in messages: its environment name, else its flag. */
export const nameOf = (s: SettingSpec): string => s.env ?? `--${s.flag}`;

/** node's parseArgs message, cut to what a person needs, with the flag they probably meant (issue 22). */
function argumentFix(e: Error, flags: string[]): string {
  const unknown = /Unknown option '(-{1,2})([^'=]+)/.exec(e.message);
  if (unknown?.[2])
    return `unknown option ${unknown[1]}${unknown[2]}${didYouMean(unknown[2], flags, (f) => `--${f}`)}; see --help`;
  const positional = /Unexpected argument '([^']+)'/.exec(e.message);
  if (positional?.[1])
    return `unexpected argument "${positional[1]}" (every setting is a --flag)${didYouMean(positional[1], flags, (f) => `--${f}`)}; see --help`;
  return `${e.message}; see --help`;
}

/**
 * Reads the settings a table declares from flags and the environment (flags
 * win). A flag given an empty value, and an empty environment value of a
 * setting marked emptyIsError, are refused: an unset CI secret must never
 * silently fall back to the embedded emulator. Other empty environment values
 * mean "unset". Values are checked by the table's own checks.
 */
export function parseWith(
  table: readonly SettingSpec[],
  argv: string[],
  env: Record<string, string | undefined>,
  /** where tim-conformance.config.json is looked for */
  cwd = process.cwd(),
): Record<string, RawValue> {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {};
  for (const s of table) {
    if (!s.flag) continue;
    options[s.flag] = {
      type: s.boolean ? "boolean" : "string",
      ...(s.multiple ? { multiple: true } : {}),
      ...(s.flag === "help" ? { short: "h" } : {}),
    };
  }
  let values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  try {
    values = parseArgs({
      args: joinNegatives(argv, options),
      options,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw configError("arguments", argumentFix(e as Error, Object.keys(options)));
  }
  const out: Record<string, RawValue> = {};
  for (const s of table) {
    const flagged = s.flag ? values[s.flag] : undefined;
    let v: RawValue | undefined;
    if (flagged !== undefined) {
      v = Array.isArray(flagged) ? flagged.map(String) : flagged;
      const empties = Array.isArray(v) ? v.some((x) => x === "") : v === "";
      if (empties) throw configError(`--${s.flag}`, "is empty; give a value or leave the flag out");
    } else if (s.env && env[s.env] !== undefined) {
      const e = env[s.env] as string;
      if (e === "" && s.emptyIsError)
        throw configError(s.env, "is set but empty (an unset CI secret?); set it or unset it");
      if (e !== "") v = s.multiple ? e.split(",").map((x) => x.trim()) : e;
    }
    if (v === undefined) continue;
    out[s.key] = v;
  }
  return table.some((s) => s.key === "config") ? withConfigFile(table, out, cwd) : out;
}

/**
 * Fills what flags and the environment left unset from the config file (issue 22). A target named
 * by a flag or the environment replaces the file's target as a whole: two targets are never mixed.
 */
function withConfigFile(
  table: readonly SettingSpec[],
  given: Record<string, RawValue>,
  cwd: string,
): Record<string, RawValue> {
  const file = configPath(typeof given.config === "string" ? given.config : undefined, cwd);
  if (!file) return given;
  const fromFile = readConfigFile(file, table, COMMAND_TABLES);
  const targetGiven = table.some((s) => s.group === "Target" && given[s.key] !== undefined);
  const out: Record<string, RawValue> = {};
  for (const s of table) {
    if (targetGiven && s.group === "Target" && given[s.key] === undefined) continue;
    const v = given[s.key] ?? fromFile[s.key];
    if (v !== undefined) out[s.key] = v;
  }
  return out;
}

/**
 * `--runs -5` as `--runs=-5`: parseArgs takes a value that starts with a dash for a flag and answers
 * with three lines of advice (issue 21); joined, the setting's own check says in one line what is wrong.
 */
function joinNegatives(argv: readonly string[], options: Record<string, { type: string }>): string[] {
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] as string;
    const next = argv[k + 1];
    const flag = a.startsWith("--") && !a.includes("=") ? options[a.slice(2)] : undefined;
    if (flag?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      k += 1;
    } else out.push(a);
  }
  return out;
}

/** Runs each present value through its setting's check: one TIM_ERR_CONFIG naming the setting. */
export function checkValues(table: readonly SettingSpec[], raw: Record<string, unknown>): void {
  for (const s of table) {
    const v = raw[s.key];
    if (!s.check || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) {
      if (typeof one !== "string") continue;
      const fix = s.check(one);
      if (fix) throw configError(nameOf(s), fix);
    }
  }
}
