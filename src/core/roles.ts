/**
 * The house: src/ is a few folders named by role along the pipeline (issue 24), and this table says
 * which role may import which. `src/cli/house.ts` measures the imports against it, its test fails on
 * any other arrow, and `npm run docs` writes docs/architecture.md from it, so the two cannot drift.
 * Tests and `src/proof/` may import anything.
 */
export interface Role {
  /** the folder under src/ ("." is src/ itself: bin.ts, index.ts) */
  role: string;
  /** what it holds, for docs/architecture.md */
  holds: string;
  /** its rooms (sub-folders) and what each holds; rooms of one role never import each other both ways */
  rooms?: Readonly<Record<string, string>>;
  /** the roles it may import */
  imports: readonly string[];
}

export const ROLES: readonly Role[] = [
  {
    role: "core",
    holds: "what every role shares, and the specs as data",
    rooms: {
      kernel:
        "suite errors and exit codes, the version, the exchange, typed events, rule levels, the clock, atomic files",
      contract:
        "specs/ and schemas/ as data: limits, error codes, compiled schemas, the input domain, validated input files",
      rules: "the rule catalogue",
      usersig: "TLSSigAPIv2 sign and verify, with an injected clock",
    },
    imports: [],
  },
  {
    role: "config",
    holds:
      "the settings tables (one declaration per setting, the source of every default), their parser and --help, declared fixtures, the parts of generated phases",
    imports: ["core"],
  },
  {
    role: "transport",
    holds:
      "the suite's HTTP client (node:http(s), one deadline per exchange, a body cap), retries, the limiter that paces, redaction",
    imports: ["core"],
  },
  {
    role: "emulator",
    holds:
      "the reference emulator (a pure function of state and request), its faults and variants, its server and control API; never imports the judge",
    rooms: { client: "the judge of clients: what a client sent, by the client rules" },
    imports: ["core", "config", "transport"],
  },
  {
    role: "judge",
    holds: "everything that decides",
    rooms: {
      checks: "exchange checks, one per file, judged on every answer",
      probe:
        "a case's handle on the target (every call judged), requests, credentials, the whole-effect model",
      oracles: "what group state and per-item answers must be",
      verdict: "the tally that folds events into verdicts, the merge of shards",
    },
    imports: ["core", "config", "transport"],
  },
  {
    role: "generate",
    holds: "fast-check arbitraries, one per file, and mutations, one defect per file",
    imports: ["core", "judge"],
  },
  {
    role: "cases",
    holds: "the scenarios, one per file",
    rooms: {
      accounts: "the suite's account pool, its slices, declared accounts",
      properties: "the property runner (probes, shrinking, replay), parts and lanes, the stateful model",
    },
    imports: ["core", "config", "judge", "generate"],
  },
  {
    role: "report",
    holds: "the reporters (console, Markdown, JSON, JUnit, HTML, GitHub), each folding the same events",
    rooms: {
      record: "recordings: format, writer, loader",
      drift: "field-by-field drift against a recording",
      openapi: "the OpenAPI 3.1 export",
    },
    imports: ["core", "config", "judge", "cases"],
  },
  {
    role: "run",
    holds: "the run loop and its plan (cases, parts, shards), setup failures",
    rooms: {
      targets: "the embedded emulator, a base URL, a region, a replay, the sender stack",
      observe: "the judging pass-through for real traffic",
    },
    imports: ["core", "config", "transport", "emulator", "judge", "generate", "cases", "report"],
  },
  {
    role: "api",
    holds:
      "the library: the run session (one place that wires a run), runConformance, startEmulator, startObserver",
    imports: ["core", "config", "transport", "emulator", "judge", "generate", "cases", "report", "run"],
  },
  {
    role: "cli",
    holds: "the command tim-conformance and its subcommands, --explain, the generated documents",
    imports: [
      "core",
      "config",
      "transport",
      "emulator",
      "judge",
      "generate",
      "cases",
      "report",
      "run",
      "api",
    ],
  },
  {
    role: ".",
    holds: "bin.ts and index.ts, the package's entry points",
    imports: ["core", "config", "emulator", "api", "cli"],
  },
];
