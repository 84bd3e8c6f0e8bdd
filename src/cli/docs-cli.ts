#!/usr/bin/env node
// `npm run docs`: .env.example, the generated tables of docs/ and the config schema, made from the tables.
import { execFileSync } from "node:child_process";
import { CONFIG_SCHEMA, writeDocs } from "./docs.js";

writeDocs();
// The schema is JSON.stringify's layout; the repository keeps Biome's (npm run lint checks it).
execFileSync("npx", ["--no-install", "biome", "format", "--write", CONFIG_SCHEMA], { stdio: "ignore" });
process.stdout.write(
  "wrote .env.example, schemas/inputs/config.json and the generated tables of docs/ (docs/observe.md included)\n",
);
