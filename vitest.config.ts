import { defineConfig } from "vitest/config";
import type { Reporter, TestModule } from "vitest/node";

/** Ends the output with the plain "N passed, N failed" line CI reads as the verdict. */
const plainSummary: Reporter = {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === "passed") passed += 1;
        else if (s === "failed") failed += 1;
        else skipped += 1;
      }
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  },
};

/**
 * `npm test` runs TIM_TESTS=unit, then TIM_TESTS=integration: every test, fast feedback first.
 * TIM_TESTS=unit runs the fast tests of single modules (no emulator server, no subprocess): what
 * `npm run test:unit` and mutation testing use. The default runs every test.
 */
const UNIT = [
  "src/checks/**/*.test.ts",
  "src/generators/**/*.test.ts",
  "src/contract/**/*.test.ts",
  "src/usersig/**/*.test.ts",
  "src/transport/**/*.test.ts",
  "src/config/**/*.test.ts",
  "src/rules/**/*.test.ts",
  "src/kernel/**/*.test.ts",
  "src/probe/**/*.test.ts",
  "src/cli/docs.test.ts",
];

/** What mutation testing runs per mutant: the tests of the judge's checks and generators. */
const MUTATION = ["src/checks/**/*.test.ts", "src/generators/**/*.test.ts", "src/contract/**/*.test.ts"];

const SETS: Record<string, string[]> = { unit: UNIT, mutation: MUTATION };

export default defineConfig({
  test: {
    include: SETS[process.env.TIM_TESTS ?? ""] ?? ["src/**/*.test.ts"],
    // TIM_TESTS=integration: everything the unit run does not cover (servers, subprocesses, tools).
    exclude: process.env.TIM_TESTS === "integration" ? [...UNIT, "node_modules/**"] : ["node_modules/**"],
    // Tests talk to emulators on loopback ports only; never the internet.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: "forks",
    reporters: ["default", plainSummary],
  },
});
