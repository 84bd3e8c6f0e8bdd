#!/usr/bin/env node
// `npm run emulator -- --port 8080`: the reference emulator, standalone (one node process; the npm script execs it).
import { runCommand } from "../cli/entry.js";
import { emulatorMain } from "./cli-main.js";

await runCommand(emulatorMain, "closing: answers in flight finish, the client report is flushed…");
