import { readFileSync } from "node:fs";
import { join } from "node:path";
import { specsDir } from "./paths.js";

/**
 * What a request made of valid parts plus one class must get:
 * valid: accepted (MUST); valid-should: accepted (SHOULD); open: either, observed;
 * invalid: refused (MUST); invalid-should: refused (SHOULD).
 */
export type Expectation = "valid" | "valid-should" | "open" | "invalid" | "invalid-should";

export interface DomainClass {
  id: string;
  title: string;
  expect: Expectation;
  /** the rule that judges what a call of this class gets */
  rule: string;
  /** the doc clause or the reason it is a class */
  why: string;
  /** the field it belongs to (filled in when loaded) */
  field: string;
}

export interface DomainField {
  id: string;
  command: string;
  domain: string;
  source: string;
  clause: string;
  classes: DomainClass[];
}

interface DomainFile {
  version: 1;
  fields: Array<Omit<DomainField, "classes"> & { classes: Array<Omit<DomainClass, "field">> }>;
}

interface ConditionEntry {
  id: string;
  rule: string;
  condition: string;
  code?: string;
  request?: unknown;
  expect?: "refused" | "accepted";
}

const read = <T>(f: string): T => JSON.parse(readFileSync(join(specsDir, f), "utf8")) as T;

/** The auth edges of the query are specs/conditions.json's probed conditions, one class each. */
function authField(): DomainField {
  const { conditions } = read<{ conditions: ConditionEntry[] }>("conditions.json");
  return {
    id: "group_add?auth",
    command: "group_add",
    domain: "sdkappid, identifier (the App admin) and a valid, unexpired usersig of it",
    source: "specs/conditions.json",
    clause: "the documented conditions of the query, each probed at its edge (issue 11)",
    classes: conditions
      .filter((c) => c.request)
      .map((c) => ({
        id: `auth-${c.id}`,
        title: c.condition,
        expect: c.expect === "accepted" ? "valid" : "invalid",
        rule: c.rule,
        why: c.code ? `documented codes ${c.code}` : "documented condition",
        field: "group_add?auth",
      })),
  };
}

function load(): DomainField[] {
  const file = read<DomainFile>("input-domain.json");
  const fields = file.fields.map((f) => ({
    ...f,
    classes: f.classes.map((c) => ({ ...c, field: f.id })),
  }));
  return [...fields, authField()];
}

/** specs/input-domain.json with the auth conditions: every field the suite sends, and its classes. */
export const DOMAIN: readonly DomainField[] = load();

export const CLASSES: readonly DomainClass[] = DOMAIN.flatMap((f) => f.classes);

const byId = new Map(CLASSES.map((c) => [c.id, c]));

export function classById(id: string): DomainClass {
  const c = byId.get(id);
  if (!c) throw new Error(`class ${id} is not in specs/input-domain.json`);
  return c;
}

export const isClass = (id: string): boolean => byId.has(id);

const ORDER: Record<Expectation, number> = {
  invalid: 0,
  "invalid-should": 1,
  open: 2,
  "valid-should": 3,
  valid: 4,
};

/**
 * What a request of these classes must get, and the rule that says so: the strictest class wins
 * (one invalid part makes the whole request invalid; one open part leaves acceptance open).
 */
export function expectationOf(classes: readonly string[]): { expect: Expectation; rule: string } {
  let best: DomainClass | undefined;
  for (const id of classes) {
    const c = byId.get(id);
    if (c && (!best || ORDER[c.expect] < ORDER[best.expect])) best = c;
  }
  return best
    ? { expect: best.expect, rule: best.rule }
    : { expect: "valid", rule: "valid-request-accepted" };
}
