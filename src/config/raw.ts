// The shapes settings.ts and live.ts both read: here, so neither imports the other back.

/** Where the run goes. The embedded emulator is the default: no credentials needed. */
export type TargetSpec =
  | { kind: "emulator"; faults: string[]; variants: string[] }
  | { kind: "base-url"; baseUrl: string }
  | { kind: "region"; region: string; baseUrl: string }
  | { kind: "replay"; file: string };

/** The raw values, from flags or the environment (flags win): derived from src/config/table.ts. */
export type { RawSettings } from "./table.js";
