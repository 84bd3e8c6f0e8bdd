import { existsSync } from "node:fs";
import { parse } from "dotenv";
import { EXIT, SuiteError } from "../core/kernel/errors.js";
import { MAX_SMALL_INPUT_BYTES, readInput } from "../core/kernel/inputs.js";
import type { Io } from "./main.js";

type Command = (argv: string[], env: Record<string, string | undefined>, io: Io) => Promise<number>;

/** A writer that never throws: a closed pipe (EPIPE, `| head -1`) must not end the run before its reports. */
function safeWriter(stream: NodeJS.WriteStream): (s: string) => void {
  stream.on("error", () => {});
  return (s) => {
    if (stream.destroyed || !stream.writable) return;
    try {
      stream.write(s);
    } catch {
      // the reader went away; the reports on disk still get written
    }
  };
}

/**
 * ./.env, read like any input (issue 21: a FIFO there hung every command before it could answer a
 * signal): a regular file within 1 MiB, its values never overriding the environment's (as dotenv's
 * config() does).
 */
function loadDotenv(): void {
  if (!existsSync(".env")) return;
  const values = parse(readInput(".env", ".env", MAX_SMALL_INPUT_BYTES));
  for (const [k, v] of Object.entries(values)) if (process.env[k] === undefined) process.env[k] = v;
}

/**
 * How every command runs: .env read (never overriding the environment), SIGINT
 * and SIGTERM handled alike (the first stops the current case and lets cleanup
 * and partial reports happen, a second exits at once), output that survives a
 * closed pipe, and the exit code set rather than forced.
 */
export async function runCommand(
  command: Command,
  signalMessage: string,
  argv = process.argv.slice(2),
  /** a server's normal way to stop is a signal: it then exits with its own code (0), not 130/143 */
  signalStops = false,
  /** the command as the user typed it, for --help and replay commands */
  invocation?: string,
): Promise<void> {
  const err = safeWriter(process.stderr);
  const out = safeWriter(process.stdout);
  try {
    loadDotenv();
  } catch (e) {
    if (!(e instanceof SuiteError)) throw e;
    err(`error: ${e.code}: ${e.message}\n`);
    process.exitCode = EXIT.config;
    return;
  }
  const ac = new AbortController();
  const onSignal = (sig: "SIGINT" | "SIGTERM") => {
    if (ac.signal.aborted) process.exit(sig === "SIGINT" ? EXIT.sigint : EXIT.sigterm);
    err(`\ninterrupted (${sig}): ${signalMessage}\n`);
    ac.abort(sig);
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  const code = await command(argv, process.env, {
    out,
    err,
    signal: ac.signal,
    tty: process.stderr.isTTY === true,
    ...(invocation ? { invocation } : {}),
  });
  const reason = ac.signal.aborted ? String(ac.signal.reason) : undefined;
  if (signalStops) process.exitCode = code;
  else process.exitCode = reason === "SIGINT" ? EXIT.sigint : reason === "SIGTERM" ? EXIT.sigterm : code;
}
