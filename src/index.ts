// The library face of tim-conformance: run the suite, start the emulator or an observer, read the catalogue.

export { LIMITS, loadSchemas, RULES } from "./api/data.js";
export { type Emulator, type EmulatorStartOptions, startEmulator } from "./api/emulator.js";
export {
  type ObserveResult,
  type Observer,
  type ObserverStartOptions,
  startObserver,
} from "./api/observer.js";
export {
  type ConformanceResult,
  type RuleVerdict,
  type RunConformanceOptions,
  runConformance,
} from "./api/run.js";
export type { RawSettings } from "./config/settings.js";
export { RUN_SETTINGS, type SettingSpec } from "./config/table.js";
export { EXIT, SuiteError, type SuiteErrorCode } from "./core/kernel/errors.js";
export type { Finding, RunEvent } from "./core/kernel/events.js";
export type { Level, Rule } from "./core/kernel/rule.js";
export { TOOL } from "./core/kernel/version.js";
export type { EmuAnswer, EmuRequest } from "./emulator/types.js";
