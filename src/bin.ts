#!/usr/bin/env node
// tim-conformance: one command, one node process, subcommands loaded only when used
// (the replay server, drift, matrix and the emulator's CLI stay out of a plain run's start-up).
import { runCommand } from "./cli/entry.js";
import { invocationOf } from "./cli/invocation.js";
import type { Io } from "./cli/main.js";
import { didYouMean } from "./config/suggest.js";

type Main = (argv: string[], env: Record<string, string | undefined>, io: Io) => Promise<number>;

const SUBCOMMANDS: Record<
  string,
  { load: () => Promise<Main>; onSignal: string; about: string; server?: boolean }
> = {
  run: {
    load: async () => (await import("./cli/main.js")).main,
    onSignal: "stopping the current case, cleaning up, writing partial reports…",
    about: "judge a target (the default)",
  },
  emulator: {
    load: async () => (await import("./cli/emulator-main.js")).emulatorMain,
    onSignal: "closing: answers in flight finish, the client report is flushed…",
    about: "serve the reference emulator",
    server: true,
  },
  observe: {
    load: async () => (await import("./cli/observe-main.js")).observeMain,
    onSignal: "closing: exchanges in flight finish, then the reports are written…",
    about: "judge the traffic between clients and an upstream, both ways (a pass-through)",
    server: true,
  },
  drift: {
    load: async () => (await import("./cli/drift-main.js")).driftMain,
    onSignal: "stopping the current case, cleaning up, writing partial drift reports…",
    about: "compare a target with a recording",
  },
  matrix: {
    load: async () => (await import("./cli/matrix-main.js")).matrixMain,
    onSignal: "stopping the current target, cleaning up, writing a partial matrix…",
    about: "judge several targets side by side",
  },
  merge: {
    load: async () => (await import("./cli/merge-main.js")).mergeMain,
    onSignal: "stopping…",
    about: "join the reports of a sharded run (--shard I/N) into one",
  },
  openapi: {
    load: async () => (await import("./cli/openapi-main.js")).openapiMain,
    onSignal: "stopping…",
    about: "write the OpenAPI description made from schemas/",
  },
};

export const binHelp = (command: string): string => `Usage: ${command} [subcommand] [options]

Subcommands (each answers --help):
${Object.entries(SUBCOMMANDS)
  .map(([name, s]) => `  ${name.padEnd(10)} ${s.about}`)
  .join("\n")}

With no subcommand, \`run\` is meant: ${command} --base-url URL judges that target.
\`${command} help\` prints this; \`${command} SUBCOMMAND --help\` a subcommand's options.
`;

const [first, ...rest] = process.argv.slice(2);
const name = first && !first.startsWith("-") ? first : "run";
const sub = SUBCOMMANDS[name];
const invocation = (subcommand: string): string =>
  invocationOf(subcommand, process.env, process.argv[1], process.cwd());
if (name === "help") {
  process.stdout.write(binHelp(invocation("run")));
} else if (!sub) {
  const names = [...Object.keys(SUBCOMMANDS), "help"];
  process.stderr.write(
    `error: TIM_ERR_CONFIG: unknown subcommand "${name}"${didYouMean(name, names)}; one of: ${names.join(", ")}\n`,
  );
  process.exitCode = 2;
} else {
  const argv = first && !first.startsWith("-") ? rest : process.argv.slice(2);
  const main = await sub.load();
  await runCommand(main, sub.onSignal, argv, sub.server === true, invocation(name));
}
