#!/usr/bin/env node
// `npm run drift -- --recording FILE [target flags]`
import { config } from "dotenv";
import { driftMain } from "./drift-main.js";

config({ quiet: true });
process.exitCode = await driftMain(process.argv.slice(2), process.env, {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
