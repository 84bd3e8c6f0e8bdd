import {
  accessSync,
  constants,
  lstatSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { configError, SuiteError } from "./errors.js";
import { kindOf } from "./inputs.js";

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

/** The standard streams a user may name as an output on purpose: written through, never replaced. */
const STREAMS = new Map([
  ["/dev/stdout", 1],
  ["/dev/stderr", 2],
  ["/dev/fd/1", 1],
  ["/dev/fd/2", 2],
  ["/proc/self/fd/1", 1],
  ["/proc/self/fd/2", 2],
]);

/**
 * Why `abs` must not be replaced, or undefined: only a regular file, a missing one, or a symlink
 * to either may be (issue 21: --record /dev/null, run as root, would have replaced the system's
 * /dev/null with a regular file). A symlink is replaced, never followed.
 */
function unreplaceable(abs: string): string | undefined {
  const st = lstatSync(abs, { throwIfNoEntry: false });
  if (!st || st.isFile()) return undefined;
  if (st.isSymbolicLink()) {
    const to = statSync(abs, { throwIfNoEntry: false });
    return !to || to.isFile() ? undefined : `a symlink to ${kindOf(to)}`;
  }
  return kindOf(st);
}

/** A file the run will write at the end: its folder must exist and be writable now, not after an hour. */
export function checkWritableFile(file: string, setting: string): string {
  const abs = resolve(file);
  if (STREAMS.has(abs)) return abs;
  try {
    if (!statSync(dirname(abs)).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
    accessSync(dirname(abs), constants.W_OK);
  } catch (e) {
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `${setting}: cannot write ${abs} (${code(e)} for its folder); create the folder or choose another path`,
    );
  }
  const kind = unreplaceable(abs);
  if (kind)
    throw configError(setting, `${abs} is ${kind}, not a regular file; it is never replaced: name a file`);
  return abs;
}

/**
 * Writes through a new temporary file renamed into place: a symlink planted
 * at the report's name is replaced, never followed, and a reader never sees
 * half a report. Anything but a regular file is refused (exit 2), except a standard
 * stream named on purpose, which is written through; a full disk is one line, exit 2.
 */
export function writeAtomic(path: string, text: string | Uint8Array, setting = path): void {
  const abs = resolve(path);
  const fail = (e: unknown) =>
    new SuiteError(
      "TIM_ERR_CONFIG",
      `${setting}: cannot write ${abs} (${code(e)}); choose another path or free space`,
      {
        cause: e,
      },
    );
  const fd = STREAMS.get(abs);
  if (fd !== undefined) {
    // Through the process's own descriptor: a socket there (a spawned child's stdout) cannot be opened by name.
    try {
      writeFileSync(fd, text);
    } catch (e) {
      throw fail(e);
    }
    return;
  }
  const kind = unreplaceable(abs);
  if (kind)
    throw configError(setting, `${abs} is ${kind}, not a regular file; it is never replaced: name a file`);
  const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: "wx", mode: 0o644 });
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fail(e);
  }
}
