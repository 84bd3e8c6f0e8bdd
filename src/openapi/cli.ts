// `npm run openapi`: regenerates specs/openapi.json from schemas/.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { specsDir } from "../contract/paths.js";
import { buildOpenApi } from "./build.js";

writeFileSync(join(specsDir, "openapi.json"), `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
process.stdout.write("wrote specs/openapi.json\n");
