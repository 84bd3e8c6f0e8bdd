import { join, resolve } from "node:path";
import { didYouMean } from "../config/suggest.js";
import { specsDir } from "../core/contract/paths.js";
import { EXIT, SuiteError } from "../core/kernel/errors.js";
import { checkWritableFile, writeAtomic } from "../core/kernel/files.js";
import { readInput } from "../core/kernel/inputs.js";
import { TOOL } from "../core/kernel/version.js";
import { buildOpenApi } from "../report/openapi/build.js";
import { DEFAULT_INVOCATION } from "./invocation.js";
import type { Io } from "./main.js";

export const OPENAPI_HELP = (command: string): string => `Usage: ${command} [--out FILE] [--check]

Prints the OpenAPI 3.1 description of group_add and the fixture endpoints, made from schemas/.
  --out FILE   write it to FILE instead of stdout (- is stdout)
  --check      write nothing; exit 1 when FILE (default: the package's specs/openapi.json)
               differs from what schemas/ make
  --help       print this help and exit
  --version    print the version and exit
`;

/** `tim-conformance openapi`: writes (or checks) the OpenAPI description; --help writes nothing. */
export async function openapiMain(
  argv: string[],
  _env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(OPENAPI_HELP(io.invocation ?? DEFAULT_INVOCATION));
    return EXIT.pass;
  }
  if (argv.includes("--version")) {
    io.out(`${TOOL.name} ${TOOL.version}\n`);
    return EXIT.pass;
  }
  const k = argv.indexOf("--out");
  const unknown = argv.filter((a, i) => !["--out", "--check"].includes(a) && !(k >= 0 && i === k + 1));
  if (unknown.length || (k >= 0 && !argv[k + 1])) {
    const first = unknown[0] ?? "";
    const hint = didYouMean(first.replace(/^-+/, ""), ["out", "check", "help", "version"], (f) => `--${f}`);
    io.err(
      `error: TIM_ERR_CONFIG: arguments: ${unknown.length ? `unknown ${unknown.join(" ")}${hint}` : "--out needs a file"}; see --help\n`,
    );
    return EXIT.config;
  }
  // Issue 22: the default was the package's own specs/ (inside node_modules in a consumer's project).
  const given = k >= 0 ? (argv[k + 1] as string) : "-";
  const out = given === "-" ? undefined : resolve(given);
  const text = `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
  try {
    return check(argv, out, text, io);
  } catch (e) {
    if (!(e instanceof SuiteError)) throw e;
    io.err(`error: ${e.code}: ${e.message}\n`);
    return EXIT.config;
  }
}

/** Checks or writes the file: a device, a FIFO or a full disk is one line and exit 2 (issue 21). */
function check(argv: string[], out: string | undefined, text: string, io: Io): number {
  if (argv.includes("--check")) {
    const file = out ?? join(specsDir, "openapi.json");
    const same = readInput(file, "--out").toString("utf8") === text;
    io.out(
      same
        ? `${file} is up to date\n`
        : `${file} differs from what schemas/ make; run tim-conformance openapi --out ${file}\n`,
    );
    return same ? EXIT.pass : EXIT.violation;
  }
  if (!out) {
    io.out(text);
    return EXIT.pass;
  }
  writeAtomic(checkWritableFile(out, "--out"), text, "--out");
  if (!out.startsWith("/dev/")) io.err(`wrote ${out}\n`);
  return EXIT.pass;
}
