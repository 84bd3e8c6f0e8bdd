#!/usr/bin/env node
// `npm run docs`: .env.example and the README's settings tables, made from the settings tables.
import { writeDocs } from "./docs.js";

writeDocs();
process.stdout.write("wrote .env.example and the settings tables of README.md\n");
