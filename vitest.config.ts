import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Tests talk to emulators on loopback ports only; never the internet.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
