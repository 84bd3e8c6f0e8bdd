// The shapes settings.ts and live.ts both read: here, so neither imports the other back.

/** Where the run goes. The embedded emulator is the default: no credentials needed. */
export type TargetSpec =
  | { kind: "emulator"; faults: string[]; variants: string[] }
  | { kind: "base-url"; baseUrl: string }
  | { kind: "region"; region: string; baseUrl: string }
  | { kind: "replay"; file: string };

/** The raw values, from flags or the environment (flags win); keys are those of src/config/table.ts. */
export interface RawSettings {
  baseUrl?: string;
  region?: string;
  sdkappid?: string;
  identifier?: string;
  secretKey?: string;
  usersig?: string;
  reportDir?: string;
  reporter?: string;
  timeoutMs?: string;
  caseTimeoutS?: string;
  prefix?: string;
  seed?: string;
  runs?: string;
  profile?: string;
  path?: string;
  replayPath?: string;
  part?: string;
  lanes?: string;
  shard?: string;
  rate?: string;
  retries?: string;
  backoffMs?: string;
  retryBudgetS?: string;
  backupUrl?: string;
  usersigTtl?: string;
  record?: string;
  replay?: string;
  fixtures?: string;
  cases?: string[];
  faults?: string[];
  variants?: string[];
  resetPool?: boolean;
}
