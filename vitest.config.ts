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
 * Tests are sorted by their names (issue 24): `*.int.test.ts` are integration tests (servers,
 * subprocesses, tools, whole runs), every other `*.test.ts` is a unit test of single modules. `npm
 * test` runs TIM_TESTS=unit, then TIM_TESTS=integration: every test, fast feedback first; the default
 * runs every test.
 */
const INTEGRATION = "src/**/*.int.test.ts";

/** What mutation testing runs per mutant: the tests of the judge's checks, the generators and the contract. */
const MUTATION = [
  "src/judge/checks/**/*.test.ts",
  "src/generate/**/*.test.ts",
  "src/core/contract/**/*.test.ts",
];

const SETS: Record<string, { include: string[]; exclude: string[] }> = {
  unit: { include: ["src/**/*.test.ts"], exclude: [INTEGRATION] },
  integration: { include: [INTEGRATION], exclude: [] },
  mutation: { include: MUTATION, exclude: [INTEGRATION] },
};
const set = SETS[process.env.TIM_TESTS ?? ""] ?? { include: ["src/**/*.test.ts"], exclude: [] };

export default defineConfig({
  test: {
    include: set.include,
    exclude: [...set.exclude, "node_modules/**"],
    // Tests talk to emulators on loopback ports only; never the internet.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: "forks",
    reporters: ["default", plainSummary],
  },
});
