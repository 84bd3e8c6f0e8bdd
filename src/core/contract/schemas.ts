import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { utf8Bytes } from "./limits.js";
import { schemasDir } from "./paths.js";

export const ENDPOINTS = [
  "group_add",
  "group_get",
  "group_delete",
  "friend_import",
  "friend_add",
  "friend_get_list",
  "friend_delete",
  "account_import",
  "multiaccount_import",
  "account_delete",
  "account_check",
] as const;
export type Command = (typeof ENDPOINTS)[number];

/** One problem found by a schema, in ajv's terms (instancePath points into the body). */
export interface SchemaIssue {
  instancePath: string;
  keyword: string;
  message: string;
}

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  // JSON Schema's maxLength counts code points; the documented name limit is
  // 30 *bytes* of UTF-8 (docs/sources/tencent-im-rest.md §1.5), so bytes get a keyword of their own.
  ajv.addKeyword({
    keyword: "maxBytes",
    type: "string",
    schemaType: "number",
    errors: false,
    validate: (max: number, data: string) => utf8Bytes(data) <= max,
  });
  for (const f of readdirSync(schemasDir).filter((n) => n.endsWith(".json"))) {
    ajv.addSchema(JSON.parse(readFileSync(join(schemasDir, f), "utf8")) as object);
  }
  return ajv;
}

/** Compiled on first use: a command that validates nothing (--help, the emulator) never pays for it. */
let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

function validator(file: string, def: string): ValidateFunction {
  const ref = `https://tim-conformance.local/schemas/${file}.json#/$defs/${def}`;
  let v = cache.get(ref);
  if (!v) {
    ajv ??= makeAjv();
    const found = ajv.getSchema(ref);
    if (!found) throw new Error(`no schema ${ref}`);
    v = found;
    cache.set(ref, v);
  }
  return v;
}

function issues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? [])
    .filter((e) => e.keyword !== "if")
    .map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, message: `${e.message ?? e.keyword}` }));
}

/** Validates `data` against `schemas/<file>.json#/$defs/<def>`; [] means valid. */
export function validate(file: Command | "envelope", def: string, data: unknown): SchemaIssue[] {
  const v = validator(file, def);
  return v(data) ? [] : issues(v.errors);
}

export const isValidRequest = (cmd: Command, body: unknown): boolean =>
  validate(cmd, "request", body).length === 0;
