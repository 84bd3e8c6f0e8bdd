import { fileURLToPath } from "node:url";

/** The repository root, found from this file so the suite runs from any cwd. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const schemasDir = fileURLToPath(new URL("../../../schemas/", import.meta.url));
export const specsDir = fileURLToPath(new URL("../../../specs/", import.meta.url));
