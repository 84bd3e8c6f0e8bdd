#!/usr/bin/env node
// `npm run emulator -- --port 8080`: the reference emulator, standalone, for any client configured
// with the same TIM_SDKAPPID / TIM_IDENTIFIER / TIM_SECRET_KEY (defaults: src/config/defaults.ts).
import { mkdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { config } from "dotenv";
import { checkClientRequest } from "../client/check.js";
import { ClientReport } from "../client/report.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import type { Fault } from "./faults/fault.js";
import { faultById } from "./faults/index.js";
import type { ScenarioStep } from "./scenarios.js";
import { startEmulator } from "./server.js";
import type { EmuRequest } from "./types.js";
import { variantById } from "./variants.js";

config({ quiet: true });

function fail(msg: string): never {
  process.stderr.write(`error: TIM_ERR_CONFIG: ${msg}\n`);
  process.exit(2);
}

let values: ReturnType<typeof parse>["values"];
function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    options: {
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      fault: { type: "string", multiple: true },
      variant: { type: "string", multiple: true },
      throttle: { type: "string" },
      scenario: { type: "string" },
      "client-report": { type: "string" },
      "transient-every": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
try {
  values = parse().values;
} catch (e) {
  fail((e as Error).message);
}
if (values.help) {
  process.stdout.write(
    "Usage: npm run emulator -- [--port 8080] [--host 127.0.0.1] [--fault ID]… [--variant ID]…\n" +
      "       [--throttle N] (answer 60007 past N calls a second) [--transient-every N] (30006 to every Nth group_add)\n" +
      "       [--scenario FILE] (scripted answers, README) [--client-report DIR] (judge the client's requests)\n" +
      "Settings: TIM_SDKAPPID, TIM_IDENTIFIER (the App admin), TIM_SECRET_KEY; unset ones take the documented defaults.\n",
  );
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port: "${values.port}" is not a port number`);
for (const flag of ["throttle", "transient-every"] as const) {
  const v = values[flag];
  if (v !== undefined && !/^[1-9]\d*$/.test(v)) fail(`--${flag}: "${v}" is not a positive whole number`);
}
const env = process.env;
const sdkappid = Number(env.TIM_SDKAPPID || EMULATOR_DEFAULTS.sdkappid);
if (!Number.isInteger(sdkappid) || sdkappid <= 0)
  fail(`TIM_SDKAPPID: "${env.TIM_SDKAPPID}" is not a positive whole number`);
const faults: Fault[] = (values.fault ?? []).map(
  (id) => faultById(id) ?? fail(`--fault: unknown fault "${id}"`),
);
const behaviour = {};
for (const id of values.variant ?? [])
  Object.assign(behaviour, (variantById(id) ?? fail(`--variant: unknown variant "${id}"`)).behaviour);

const scenario = values.scenario ? loadScenario(values.scenario) : undefined;
const clientReport = values["client-report"] ? clientReporter(values["client-report"]) : undefined;
const emu = await startEmulator({
  ...(scenario ? { scenario } : {}),
  ...(clientReport ? { onRequest: clientReport } : {}),
  config: {
    sdkappid,
    identifier: env.TIM_IDENTIFIER || EMULATOR_DEFAULTS.identifier,
    secretKey: env.TIM_SECRET_KEY || EMULATOR_DEFAULTS.secretKey,
    now: () => Math.floor(Date.now() / 1000),
  },
  faults,
  behaviour,
  port,
  host: values.host,
  ...(values.throttle ? { throttlePerSecond: Number(values.throttle) } : {}),
  ...(values["transient-every"] ? { transientEvery: Number(values["transient-every"]) } : {}),
});
// The key is never printed: say only where it came from.
process.stdout.write(
  `emulator listening on ${emu.url} (sdkappid ${sdkappid}, admin ${env.TIM_IDENTIFIER || EMULATOR_DEFAULTS.identifier}, key from ${env.TIM_SECRET_KEY ? "TIM_SECRET_KEY" : "the development default"}${faults.length ? `, faults: ${faults.map((f) => f.id).join(", ")}` : ""})\n`,
);
const stop = () => void emu.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

function loadScenario(file: string): ScenarioStep[] {
  try {
    const steps = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (!Array.isArray(steps) || !steps.every((s) => typeof s === "object" && s !== null && "answer" in s))
      throw new Error("not a list of {answer} steps");
    return steps as ScenarioStep[];
  } catch (e) {
    return fail(`--scenario: ${file}: ${(e as Error).message}`);
  }
}

function clientReporter(dir: string): (req: EmuRequest) => void {
  mkdirSync(dir, { recursive: true });
  const report = new ClientReport(dir);
  const ctx = {
    sdkappid,
    admin: env.TIM_IDENTIFIER || EMULATOR_DEFAULTS.identifier,
    secretKey: env.TIM_SECRET_KEY || EMULATOR_DEFAULTS.secretKey,
    now: () => Math.floor(Date.now() / 1000),
    seenRandoms: new Set<string>(),
  };
  return (req) => report.add(req, checkClientRequest(req, ctx));
}
