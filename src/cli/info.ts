import { EXIT } from "../kernel/errors.js";
import { TOOL } from "../kernel/version.js";
import type { Io } from "./main.js";

/**
 * --help and --version, answered alike by every subcommand: the text on stdout, exit 0, nothing
 * run. Returns undefined when neither was asked for, so the caller goes on.
 */
export function answerInfo(
  flags: { help?: unknown; version?: unknown },
  help: string,
  io: Io,
): number | undefined {
  if (flags.help) {
    io.out(help);
    return EXIT.pass;
  }
  if (flags.version) {
    io.out(`${TOOL.name} ${TOOL.version}\n`);
    return EXIT.pass;
  }
  return undefined;
}
