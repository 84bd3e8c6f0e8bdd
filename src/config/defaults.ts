/**
 * Settings of the embedded emulator when none are given. The key is a public,
 * made-up development key: it protects nothing and exists so that a fresh clone
 * runs with no credentials. Never use it for a real app.
 */
export const EMULATOR_DEFAULTS = {
  sdkappid: 1400000000,
  identifier: "administrator",
  secretKey: "tim-conformance-emulator-development-key-not-a-secret",
} as const;
