#!/usr/bin/env node
// `npm run conformance`: one node process (the npm script execs it), so signals reach it.
import { runCommand } from "./entry.js";
import { main } from "./main.js";

await runCommand(main, "stopping the current case, cleaning up, writing partial reports…");
