import { accessSync, constants, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { SuiteError } from "./errors.js";

const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? "error";

/**
 * mkdir -p one level at a time, with a bound: Node's recursive mkdir spins
 * forever on some paths (/proc/x/y), ignoring signals.
 */
function mkdirs(dir: string): void {
  const missing: string[] = [];
  let p = dir;
  for (let k = 0; k < 128; k++) {
    try {
      if (!statSync(p).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
      break;
    } catch (e) {
      if (code(e) !== "ENOENT") throw e;
      missing.unshift(p);
      const parent = dirname(p);
      if (parent === p) break;
      p = parent;
    }
  }
  for (const m of missing) mkdirSync(m);
}

/** The folder reports go to, created and checked writable without leaving a file behind (exit 2 otherwise). */
export function ensureWritableDir(dir: string, setting: string): string {
  const abs = resolve(dir);
  try {
    mkdirs(abs);
    accessSync(abs, constants.W_OK);
  } catch (e) {
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `${setting}: cannot write to ${abs} (${code(e)}); choose a writable folder`,
    );
  }
  return abs;
}

/** A file the run will write at the end: its folder must exist and be writable now, not after an hour. */
export function checkWritableFile(file: string, setting: string): string {
  const abs = resolve(file);
  try {
    if (!statSync(dirname(abs)).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
    accessSync(dirname(abs), constants.W_OK);
  } catch (e) {
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `${setting}: cannot write ${abs} (${code(e)} for its folder); create the folder or choose another path`,
    );
  }
  return abs;
}

/**
 * Writes through a new temporary file renamed into place: a symlink planted
 * at the report's name is replaced, never followed, and a reader never sees
 * half a report.
 */
export function writeAtomic(path: string, text: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: "wx", mode: 0o644 });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
