import { join, resolve } from "node:path";
import { specsDir } from "../contract/paths.js";
import { EXIT, SuiteError } from "../kernel/errors.js";
import { checkWritableFile, writeAtomic } from "../kernel/files.js";
import { readInput } from "../kernel/inputs.js";
import { TOOL } from "../kernel/version.js";
import { buildOpenApi } from "../openapi/build.js";
import type { Io } from "./main.js";

export const OPENAPI_HELP = `Usage: tim-conformance openapi [--out FILE] [--check]   (npm run openapi)

Writes the OpenAPI 3.1 description of group_add and the fixture endpoints, made from schemas/.
  --out FILE   where to write it (default: specs/openapi.json of the package)
  --check      write nothing; exit 1 when the file differs from what schemas/ make
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
    io.out(OPENAPI_HELP);
    return EXIT.pass;
  }
  if (argv.includes("--version")) {
    io.out(`${TOOL.name} ${TOOL.version}\n`);
    return EXIT.pass;
  }
  const k = argv.indexOf("--out");
  const unknown = argv.filter((a, i) => !["--out", "--check"].includes(a) && !(k >= 0 && i === k + 1));
  if (unknown.length || (k >= 0 && !argv[k + 1])) {
    io.err(
      `error: TIM_ERR_CONFIG: arguments: ${unknown.length ? `unknown ${unknown.join(" ")}` : "--out needs a file"}; see --help\n`,
    );
    return EXIT.config;
  }
  const out = k >= 0 ? resolve(argv[k + 1] as string) : join(specsDir, "openapi.json");
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
function check(argv: string[], out: string, text: string, io: Io): number {
  if (argv.includes("--check")) {
    const same = readInput(out, "--out").toString("utf8") === text;
    io.out(
      same
        ? `${out} is up to date\n`
        : `${out} differs from what schemas/ make; run tim-conformance openapi\n`,
    );
    return same ? EXIT.pass : EXIT.violation;
  }
  writeAtomic(checkWritableFile(out, "--out"), text, "--out");
  if (!out.startsWith("/dev/")) io.out(`wrote ${out}\n`);
  return EXIT.pass;
}
