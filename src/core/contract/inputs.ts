import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { SuiteError } from "../kernel/errors.js";
import { readInputText } from "../kernel/inputs.js";
import { schemasDir } from "./paths.js";

/** The files a user hands the suite, each with a schema in schemas/inputs/. */
export type InputKind =
  | "recording"
  | "fixtures"
  | "scenario"
  | "refusals"
  | "rules"
  | "limits"
  | "input-domain"
  | "error-codes"
  | "config";

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

/**
 * Reads and validates an input file: one TIM_ERR_CONFIG naming the setting,
 * the file and the JSON pointer of the first bad field (exit 2), never a crash.
 */
export function loadInput<T>(kind: InputKind, setting: string, file: string): T {
  // A device, a FIFO, an oversized file or a gzip bomb is refused before it is read (exit 2).
  const text = readInputText(file, setting);
  let data: unknown;
  try {
    data = JSON.parse(text);
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
