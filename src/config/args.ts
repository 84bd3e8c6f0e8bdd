import { renderHelp } from "./help.js";
import { parseWith } from "./parse.js";
import type { RawSettings } from "./settings.js";
import { RUN_SETTINGS } from "./table.js";

/** --help of `run`, its usage line in the words the user typed (npx tim-conformance, the npm script, the bin). */
export const runHelp = (command: string): string =>
  renderHelp(
    `${command} [options]   (the subcommands: tim-conformance help)`,
    "Judges an implementation of Tencent Cloud IM v4/sns/group_add against the documented rules.\nWith no target, the embedded reference emulator is judged (no credentials needed).",
    RUN_SETTINGS,
    "\nExit codes: 0 every MUST rule holds and valid requests were accepted; 1 a MUST rule is violated;\n2 bad configuration; 3 the target could not be judged; 130/143 interrupted (SIGINT/SIGTERM).\nSettings also come from a .env file in the current folder (see .env.example),\nand from --config FILE or tim-conformance.config.json in the current folder (flags and the environment win).\n",
  );

export interface Parsed {
  raw: RawSettings;
  list?: "rules" | "cases" | "faults";
  /** --explain RULE */
  explain?: string;
  help: boolean;
  version: boolean;
}

/** Flags win over the environment; the secret key is read from the environment only. */
export function parseCli(argv: string[], env: Record<string, string | undefined>): Parsed {
  const v = parseWith(RUN_SETTINGS, argv, env);
  const { listRules, listCases, listFaults, explain, help, version, ...raw } = v;
  const list = listRules ? "rules" : listCases ? "cases" : listFaults ? "faults" : undefined;
  return {
    raw: raw as RawSettings,
    help: help === true,
    version: version === true,
    ...(list ? { list } : {}),
    ...(typeof explain === "string" ? { explain } : {}),
  };
}
