import { EXIT } from "../core/kernel/errors.js";
import { TOOL } from "../core/kernel/version.js";
import { DEFAULT_INVOCATION } from "./invocation.js";
import type { Io } from "./main.js";

/**
 * --help and --version, answered alike by every subcommand: the text on stdout, exit 0, nothing
 * run. Returns undefined when neither was asked for, so the caller goes on.
 */
export function answerInfo(
  flags: { help?: unknown; version?: unknown },
  /** the help text, given the command as the user typed it (Io.invocation) */
  help: (command: string) => string,
  io: Io,
): number | undefined {
  if (flags.help) {
    io.out(help(io.invocation ?? DEFAULT_INVOCATION));
    return EXIT.pass;
  }
  if (flags.version) {
    io.out(`${TOOL.name} ${TOOL.version}\n`);
    return EXIT.pass;
  }
  return undefined;
}
