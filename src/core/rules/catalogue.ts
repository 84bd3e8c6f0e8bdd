import { readFileSync } from "node:fs";
import { join } from "node:path";
import { specsDir } from "../contract/paths.js";
import type { Rule } from "../kernel/rule.js";

/** specs/rules.json, in its order: the catalogue every report is laid out by. */
export const RULES: readonly Rule[] = JSON.parse(readFileSync(join(specsDir, "rules.json"), "utf8"))
  .rules as Rule[];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule {
  const r = byId.get(id);
  if (!r) throw new Error(`rule ${id} is not in specs/rules.json`);
  return r;
}
