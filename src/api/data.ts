import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { limits } from "../core/contract/limits.js";
import { schemasDir } from "../core/contract/paths.js";
import { RULES } from "../core/rules/catalogue.js";

/** The rule catalogue (specs/rules.json), in report order. */
export { RULES };
/** The documented numbers and codes (specs/limits.json), sources stripped. */
export const LIMITS = limits;

/** The JSON Schemas of schemas/ by file name (group_add, envelope, …), as objects. */
export function loadSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(schemasDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [
        f.replace(/\.json$/, ""),
        JSON.parse(readFileSync(join(schemasDir, f), "utf8")) as unknown,
      ]),
  );
}
