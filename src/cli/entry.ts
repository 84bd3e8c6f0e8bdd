import { config } from "dotenv";
import { EXIT } from "../kernel/errors.js";
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
  config({ quiet: true });
  const err = safeWriter(process.stderr);
  const out = safeWriter(process.stdout);
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
