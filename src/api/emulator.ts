import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { SuiteError } from "../core/kernel/errors.js";
import type { Behaviour } from "../emulator/behaviour.js";
import { checkClientRequest, seenBefore } from "../emulator/client/check.js";
import { faultById } from "../emulator/faults/index.js";
import type { ScenarioStep } from "../emulator/scenarios.js";
import { type RunningEmulator, startEmulator as serve } from "../emulator/server.js";
import { makeCertificates } from "../emulator/tls.js";
import type { EmuRequest } from "../emulator/types.js";
import { variantById } from "../emulator/variants.js";
import { checkScenario } from "./scenario.js";

export interface EmulatorStartOptions {
  /** 0 (the default) picks a free port */
  port?: number;
  host?: string;
  sdkappid?: number;
  identifier?: string;
  secretKey?: string;
  /** deliberate bugs by id (tim-conformance run --list-faults) */
  faults?: string[];
  /** other conformant answers to the open questions, by id */
  variants?: string[];
  scenario?: ScenarioStep[];
  /** every request as it arrives; return a function and it is told the answer (`EmuAnswer`) too */
  onRequest?: (req: EmuRequest) => unknown;
  /** Unix seconds, for signature expiry (tests inject a clock) */
  now?: () => number;
  /** the control API under /__emulator/; on by default on loopback */
  control?: boolean;
  /** the token the control API requires (Authorization: Bearer TOKEN); random per start when unset (`controlToken` on the result) */
  controlToken?: string;
  /** Host names the control API answers to besides loopback's */
  allowHosts?: string[];
  /** serve HTTPS: true makes a local CA and a certificate for localhost and every Tencent IM domain */
  tls?: true | { certPem: string; keyPem: string };
  /** also an HTTPS proxy for Tencent's IM domains only (needs tls; true is implied) */
  proxy?: boolean;
}

/** The running emulator; `caPem` is the local CA to trust when it made its own certificate. */
export type Emulator = RunningEmulator & { caPem?: string };

/** Starts the reference emulator on loopback; `await e.close()` stops it. */
export async function startEmulator(o: EmulatorStartOptions = {}): Promise<Emulator> {
  const behaviour: Partial<Behaviour> = {};
  for (const id of o.variants ?? []) {
    const v = variantById(id);
    if (!v) throw new SuiteError("TIM_ERR_CONFIG", `variants: unknown variant "${id}"`);
    Object.assign(behaviour, v.behaviour);
  }
  const faults = (o.faults ?? []).map((id) => {
    const f = faultById(id);
    if (!f) throw new SuiteError("TIM_ERR_CONFIG", `faults: unknown fault "${id}"`);
    return f;
  });
  const config = {
    sdkappid: o.sdkappid ?? EMULATOR_DEFAULTS.sdkappid,
    identifier: o.identifier ?? EMULATOR_DEFAULTS.identifier,
    secretKey: o.secretKey ?? EMULATOR_DEFAULTS.secretKey,
    now: o.now ?? (() => Math.floor(Date.now() / 1000)),
  };
  const ctx = { ...config, admin: config.identifier, sigs: new Map() };
  const made = o.tls === true || (o.proxy && o.tls === undefined) ? makeCertificates() : undefined;
  const tls = made ?? (typeof o.tls === "object" ? o.tls : undefined);
  const emu = await serve({
    ...(tls ? { tls } : {}),
    ...(o.proxy ? { proxy: true } : {}),
    config,
    hooks: {
      verdict: (req, seen) => checkClientRequest(req, { ...ctx, ...seenBefore(req, seen) }),
      checkScenario: (s) => checkScenario(s, "the scenario", "scenario"),
    },
    ...(o.control !== undefined ? { control: o.control } : {}),
    ...(o.controlToken !== undefined ? { controlToken: o.controlToken } : {}),
    ...(o.allowHosts ? { allowHosts: o.allowHosts } : {}),
    ...(o.scenario ? { scenario: checkScenario(o.scenario, "the scenario", "scenario") } : {}),
    faults,
    behaviour,
    port: o.port ?? 0,
    ...(o.host ? { host: o.host } : {}),

    ...(o.onRequest ? { onRequest: o.onRequest } : {}),
  });
  return made ? Object.assign(emu, { caPem: made.caPem }) : emu;
}
