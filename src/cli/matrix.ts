#!/usr/bin/env node
// `npm run matrix -- --target clean=emulator --target other=url=http://… [conformance flags]`
import { config } from "dotenv";
import { matrixMain } from "./matrix-main.js";

config({ quiet: true });
process.exitCode = await matrixMain(process.argv.slice(2), process.env, {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
