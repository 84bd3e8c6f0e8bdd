#!/usr/bin/env node
// `npm run conformance`: reads .env (quietly, never overriding the real environment), runs, exits.
import { config } from "dotenv";
import { EXIT } from "../errors.js";
import { main } from "./main.js";

config({ quiet: true });
const ac = new AbortController();
let exitOnSignal: number = EXIT.sigint;
const stop = (code: number) => () => {
  if (ac.signal.aborted) process.exit(code); // a second signal: stop now
  exitOnSignal = code;
  process.stderr.write("\ninterrupted: finishing the current case, cleaning up, writing partial reports…\n");
  ac.abort();
};
process.on("SIGINT", stop(EXIT.sigint));
process.on("SIGTERM", stop(EXIT.sigterm));

const code = await main(process.argv.slice(2), process.env, {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  signal: ac.signal,
});
process.exitCode = ac.signal.aborted ? exitOnSignal : code;
