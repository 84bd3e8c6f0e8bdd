import { accessSync, constants, realpathSync } from "node:fs";
import { basename, delimiter, isAbsolute, join, relative } from "node:path";
import { DEFAULT_COMMAND } from "../report/replay.js";

/** The bin's name in package.json: what a user types after `npx`. */
export const BIN = "tim-conformance";

/** What a library caller or an unknown launcher is told to type: it works wherever the package is installed. */
export const DEFAULT_INVOCATION = DEFAULT_COMMAND;

const same = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/** Whether `name` on PATH is the very file this process runs, so typing the bare name runs it again. */
function onPath(name: string, script: string, path: string | undefined): boolean {
  for (const dir of (path ?? "").split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return same(candidate, script);
    } catch {
      // not in this folder of PATH
    }
  }
  return false;
}

const shellWord = (s: string): string =>
  /^[A-Za-z0-9._/@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The command a person typed to reach `subcommand`, so that the replay commands and --help they
 * read can be pasted back (issue 22: `npm run conformance -- …` exists only inside this repository).
 * npm sets npm_command and npm_lifecycle_event for its scripts and for npx (npm exec); a bin run
 * by path is named by that path, relative to the current folder, or bare when PATH finds it. npm 10
 * says run-script where npm 11 says run.
 */
export function invocationOf(
  subcommand: string,
  env: Record<string, string | undefined>,
  script: string | undefined,
  cwd: string,
): string {
  const sub = subcommand === "run" ? "" : ` ${subcommand}`;
  const event = env.npm_lifecycle_event;
  // npm's variables pass on to every child: they name this process only when npm's own command is it.
  const ours = /tim-conformance|bin\.js/.test(env.npm_lifecycle_script ?? "");
  if ((env.npm_command === "run" || env.npm_command === "run-script") && event && ours)
    return `npm run ${shellWord(event)} --`;
  if (env.npm_command === "exec" && ours) return `npx ${BIN}${sub}`;
  if (!script) return `${DEFAULT_INVOCATION}${sub}`;
  const name = basename(script);
  const shown = isAbsolute(script) ? relative(cwd, script) || script : script;
  const path =
    shown.startsWith("..") || isAbsolute(shown) ? script : shown.includes("/") ? shown : `./${shown}`;
  if (name === BIN) return `${onPath(BIN, script, env.PATH) ? BIN : shellWord(path)}${sub}`;
  if (name.endsWith(".js")) return `node ${shellWord(path)}${sub}`;
  return `${DEFAULT_INVOCATION}${sub}`;
}
