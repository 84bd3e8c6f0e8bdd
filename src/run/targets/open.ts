import { CASES } from "../../cases/index.js";
import type { Settings } from "../../config/settings.js";
import type { Clock } from "../../core/kernel/clock.js";
import { SuiteError } from "../../core/kernel/errors.js";
import type { Fault } from "../../emulator/faults/fault.js";
import { faultById } from "../../emulator/faults/index.js";
import type { RunningEmulator } from "../../emulator/server.js";
import { variantById } from "../../emulator/variants.js";
import { loadRecording, type Recording } from "../../report/record/recording.js";

export interface Target {
  baseUrl: string;
  label: string;
  replayFlags: string[];
  emulator?: RunningEmulator;
  /** set for a replay: the recording whose settings the run takes over */
  recording?: Recording;
  close(): Promise<void>;
}

/** Starts the embedded emulator, or names the base URL / region to call. */
/** What opening a target reads of the settings: the target, and the credentials the embedded emulator serves. */
export type TargetSettings = Pick<Settings, "target" | "sdkappid" | "identifier" | "secretKey">;

export async function openTarget(
  s: TargetSettings,
  clock: Clock,
  notice?: (what: string) => void,
): Promise<Target> {
  const t = s.target;
  if (t.kind === "base-url")
    return {
      baseUrl: t.baseUrl,
      label: t.baseUrl,
      replayFlags: ["--base-url", t.baseUrl],
      close: async () => {},
    };
  if (t.kind === "region")
    return {
      baseUrl: t.baseUrl,
      label: `region ${t.region} (${t.baseUrl})`,
      replayFlags: ["--region", t.region],
      close: async () => {},
    };
  if (t.kind === "replay") {
    const { recording, schemaMismatches } = loadRecording(
      t.file,
      CASES.map((c) => c.id),
    );
    if (schemaMismatches.length)
      notice?.(
        `the recording holds ${schemaMismatches.length} answers that do not match schemas/ (first: ${schemaMismatches[0]}); they replay as recorded`,
      );
    // The replay server loads only for a replay: a live run's start-up does not pay for it.
    const { serveRecording } = await import("./replay-server.js");
    const server = await serveRecording(recording);
    return {
      baseUrl: server.baseUrl,
      label: `replay of ${t.file} (recorded from ${recording.target})`,
      replayFlags: ["--replay", t.file],
      recording,
      close: () => server.close(),
    };
  }
  const faults: Fault[] = t.faults.map((id) => {
    const f = faultById(id);
    if (!f)
      throw new SuiteError("TIM_ERR_CONFIG", `--emulator-fault: unknown fault "${id}" (see --list-faults)`);
    return f;
  });
  const behaviour = {};
  for (const id of t.variants) {
    const v = variantById(id);
    if (!v)
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        `--emulator-variant: unknown variant "${id}" (see --list-faults)`,
      );
    Object.assign(behaviour, v.behaviour);
  }
  if (!s.secretKey)
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      "TIM_SECRET_KEY: the embedded emulator needs the key to verify UserSigs",
    );
  const { startEmulator } = await import("../../emulator/server.js");
  const emulator = await startEmulator({
    config: {
      sdkappid: s.sdkappid,
      identifier: s.identifier,
      secretKey: s.secretKey,
      now: () => clock.now(),
    },
    faults,
    behaviour,
  });
  const extras = [
    ...t.faults.flatMap((f) => ["--emulator-fault", f]),
    ...t.variants.flatMap((v) => ["--emulator-variant", v]),
  ];
  const label = `embedded emulator${extras.length ? ` (${[...t.faults, ...t.variants].join(", ")})` : ""}`;
  return { baseUrl: emulator.url, label, replayFlags: extras, emulator, close: () => emulator.close() };
}
