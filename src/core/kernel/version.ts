import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The package's name and semver version: the `tool` of every report. */
export const TOOL = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../package.json", import.meta.url)), "utf8"),
) as {
  name: string;
  version: string;
};
