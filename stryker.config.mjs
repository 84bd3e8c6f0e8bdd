// Mutation testing of the judge (issue 11): `npm run mutation`. Mutants are made in src/judge/checks and
// src/generate and must be killed by the fast unit tests (TIM_TESTS=unit in vitest.config.ts).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.config.ts", related: false },
  mutate: ["src/judge/checks/**/*.ts", "src/generate/**/*.ts", "!src/**/*.test.ts", "!src/**/index.ts"],
  coverageAnalysis: "perTest",
  reporters: ["clear-text", "json", "progress"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: "node_modules/.stryker-tmp",
  concurrency: 2,
  timeoutMS: 20000,
  thresholds: { high: 90, low: 75, break: null },
};
