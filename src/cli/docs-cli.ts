#!/usr/bin/env node
// `npm run docs`: .env.example and the settings tables of README.md and docs/observe.md, made from the settings tables.
import { writeDocs } from "./docs.js";

writeDocs();
process.stdout.write("wrote .env.example and the settings tables of README.md and docs/observe.md\n");
