#!/usr/bin/env node
// `npm run matrix -- --target clean=emulator --target other=url=http://… [conformance flags]`
import { runCommand } from "./entry.js";
import { matrixMain } from "./matrix-main.js";

await runCommand(matrixMain, "stopping the current target, cleaning up, writing a partial matrix…");
