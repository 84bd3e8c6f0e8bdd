#!/usr/bin/env node
// `npm run drift -- --recording FILE [target flags]`
import { driftMain } from "./drift-main.js";
import { runCommand } from "./entry.js";

await runCommand(driftMain, "stopping the current case, cleaning up, writing partial drift reports…");
