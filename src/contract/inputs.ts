import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { SuiteError } from "../kernel/errors.js";
import { schemasDir } from "./paths.js";

/** The files a user hands the suite, each with a schema in schemas/inputs/. */
export type InputKind = "recording" | "fixtures" | "scenario" | "refusals" | "rules" | "limits" | "config";

const compiled = new Map<InputKind, ValidateFunction>();

function validatorOf(kind: InputKind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    const ajv = new Ajv2020({ strict: true, allErrors: false });
    v = ajv.compile(JSON.parse(readFileSync(join(schemasDir, "inputs", `${kind}.json`), "utf8")) as object);
    compiled.set(kind, v);
  }
  return v;
}

/** A file's text; gzip-compressed files (a recording saved as *.gz) are unpacked first. */
function textOf(bytes: Buffer): string {
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
}

/**
 * Reads and validates an input file: one TIM_ERR_CONFIG naming the setting,
 * the file and the JSON pointer of the first bad field (exit 2), never a crash.
 */
export function loadInput<T>(kind: InputKind, setting: string, file: string): T {
  let data: unknown;
  try {
    data = JSON.parse(textOf(readFileSync(file)));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new SuiteError("TIM_ERR_CONFIG", `${setting}: cannot read ${file} as JSON (${why})`);
  }
  return checkInput<T>(kind, setting, file, data);
}

export function checkInput<T>(kind: InputKind, setting: string, file: string, data: unknown): T {
  const v = validatorOf(kind);
  if (!v(data)) {
    const e = v.errors?.[0];
    const where = e?.instancePath || "/";
    const extra =
      e?.params && "additionalProperty" in e.params ? ` "${String(e.params.additionalProperty)}"` : "";
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `${setting}: ${file} is not a valid ${kind} file: ${where} ${e?.message ?? "is invalid"}${extra} (schemas/inputs/${kind}.json)`,
    );
  }
  return data as T;
}
