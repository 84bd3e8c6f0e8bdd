import { rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkScenario, loadScenario } from "../api/scenario.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { renderHelp } from "../config/help.js";
import { checkValues, parseWith } from "../config/parse.js";
import { defaultOf } from "../config/table.js";
import { configError, EXIT, SuiteError } from "../core/kernel/errors.js";
import { checkWritableFile, ensureWritableDir, writeAtomic } from "../core/kernel/files.js";
import { MAX_SMALL_INPUT_BYTES, readInput } from "../core/kernel/inputs.js";
import { rememberedVerify } from "../core/usersig/remembered.js";
import { checkClientRequest, seenBefore } from "../emulator/client/check.js";
import { ClientReport } from "../emulator/client/report.js";
import type { ClientSeen } from "../emulator/control.js";
import type { Fault } from "../emulator/faults/fault.js";
import { faultById } from "../emulator/faults/index.js";
import { Scrubber } from "../emulator/scrub.js";
import { startEmulator } from "../emulator/server.js";
import { makeCertificates, tencentDomains } from "../emulator/tls.js";
import type { EmuRequest } from "../emulator/types.js";
import { variantById } from "../emulator/variants.js";
import { EMULATOR_SETTINGS } from "./emulator-settings.js";
import { answerInfo } from "./info.js";
import type { Io } from "./main.js";
import { checkedPem } from "./pem.js";

export const EMULATOR_HELP = (command: string): string =>
  renderHelp(
    `${command} [options]`,
    "The reference emulator of the friend-group REST API, standalone, for any client configured with the\nsame TIM_SDKAPPID / TIM_IDENTIFIER / TIM_SECRET_KEY. One node process: SIGTERM or SIGINT closes it\ncleanly (answers in flight finish, the client report is flushed).",
    EMULATOR_SETTINGS,
  );

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export function listenError(e: unknown, host: string, port: number): SuiteError {
  const code = (e as NodeJS.ErrnoException).code ?? "error";
  if (code === "EADDRINUSE")
    return configError("--port", `${port} is in use on ${host}; choose another or 0 for a free one`);
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN")
    return configError("--host", `"${host}" is not an address of this machine (${code})`);
  if (code === "EACCES")
    return configError("--port", `${port} needs privileges (${code}); choose a port above 1023`);
  return configError("--host/--port", `cannot listen on ${host}:${port} (${code})`);
}

/** The certificate to serve: given (--cert/--key), or made at start with its CA written to --ca-out. */
export function tlsMaterial(
  v: Record<string, unknown>,
  defaultCa = "tim-conformance-emulator-ca.pem",
): {
  material: { certPem: string; keyPem: string };
  caFile?: string;
} {
  const cert = str(v.cert);
  const key = str(v.key);
  if (cert || key) {
    if (!cert || !key) throw configError("--cert/--key", "give both the certificate and its key");
    const material = {
      certPem: readInput(cert, "--cert", MAX_SMALL_INPUT_BYTES).toString("utf8"),
      keyPem: readInput(key, "--key", MAX_SMALL_INPUT_BYTES).toString("utf8"),
    };
    return { material: checkedPem(material, cert, key) };
  }
  const made = makeCertificates();
  const caFile = checkWritableFile(str(v.caOut) ?? join(tmpdir(), defaultCa), "--ca-out");
  writeAtomic(caFile, made.caPem, "--ca-out");
  return { material: { certPem: made.certPem, keyPem: made.keyPem }, caFile };
}

/**
 * An /etc/hosts for a client that builds its own transport and never asks a proxy (dobyte/tencent-im):
 * every regional and backup domain at the emulator's address, loopback kept (docs/clients.md).
 */
function hostsFile(host: string): string {
  const at = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return ["127.0.0.1 localhost", "::1 localhost", ...tencentDomains().map((d) => `${at} ${d}`), ""].join(
    "\n",
  );
}

/**
 * The client-side judge: each request's findings, for the client report (in arrival order, as the
 * requests come) and for the control API's journal (when it is read, with what each request met).
 */
function clientJudge(sdkappid: number, admin: string, secretKey: string) {
  const base = {
    sdkappid,
    admin,
    secretKey,
    now: () => Math.floor(Date.now() / 1000),
    verify: rememberedVerify(),
  };
  const ctx = { ...base, seenRandoms: new Set<string>() };
  return {
    report: (req: EmuRequest) => checkClientRequest(req, ctx),
    journal: (req: EmuRequest, seen: ClientSeen) =>
      checkClientRequest(req, { ...base, ...seenBefore(req, seen) }),
  };
}

function clientReporter(
  dir: string,
  judge: (req: EmuRequest) => ReturnType<typeof checkClientRequest>,
  secretKey: string,
) {
  const scrub = new Scrubber(secretKey, EMULATOR_DEFAULTS.secretKey);
  const report = new ClientReport(ensureWritableDir(dir, "--client-report"), scrub);
  return { report, onRequest: (req: EmuRequest) => report.add(req, judge(req)) };
}

/**
 * `npm run emulator`: returns when the emulator has stopped (on io.signal),
 * or at once with 2 for a bad setting; never a stack trace.
 */
export async function emulatorMain(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  try {
    const v = parseWith(EMULATOR_SETTINGS, argv, env);
    const info = answerInfo(v, EMULATOR_HELP, io);
    if (info !== undefined) return info;
    checkValues(EMULATOR_SETTINGS, v);
    const port = Number(str(v.port) ?? defaultOf("port", false, EMULATOR_SETTINGS));
    const host = str(v.host) ?? (defaultOf("host", false, EMULATOR_SETTINGS) as string);
    const sdkappid = Number(str(v.sdkappid) ?? EMULATOR_DEFAULTS.sdkappid);
    const identifier = str(v.identifier) ?? EMULATOR_DEFAULTS.identifier;
    const secretKey = str(v.secretKey) ?? EMULATOR_DEFAULTS.secretKey;
    const faults: Fault[] = ((v.faults as string[] | undefined) ?? []).map(
      (id) =>
        faultById(id) ??
        (() => {
          throw configError("--fault", `unknown fault "${id}" (see tim-conformance run --list-faults)`);
        })(),
    );
    const behaviour: Record<string, unknown> = {
      maxAccounts: Number(str(v.maxAccounts) ?? defaultOf("maxAccounts", false, EMULATOR_SETTINGS)),
    };
    for (const id of (v.variants as string[] | undefined) ?? [])
      Object.assign(
        behaviour,
        (
          variantById(id) ??
          (() => {
            throw configError("--variant", `unknown variant "${id}"`);
          })()
        ).behaviour,
      );
    const scenarioFile = str(v.scenario);
    const scenario = scenarioFile ? loadScenario(scenarioFile) : undefined;
    const readyFile = str(v.readyFile)
      ? checkWritableFile(str(v.readyFile) as string, "--ready-file")
      : undefined;
    const hostsOut = str(v.hostsOut)
      ? checkWritableFile(str(v.hostsOut) as string, "--hosts-out")
      : undefined;
    const pidFile = str(v.pidFile) ? checkWritableFile(str(v.pidFile) as string, "--pid-file") : undefined;
    const dir = str(v.clientReport);
    if (dir && statSync(dir, { throwIfNoEntry: false })?.isFile())
      throw configError("--client-report", `${dir} is a file; name a folder (the report is several files)`);
    const judge = clientJudge(sdkappid, identifier, secretKey);
    const client = dir ? clientReporter(dir, judge.report, secretKey) : undefined;
    const tls = v.tls || v.proxy ? tlsMaterial(v) : undefined;
    const emu = await startEmulator({
      ...(tls ? { tls: tls.material } : {}),
      ...(v.proxy ? { proxy: true } : {}),
      ...(scenario ? { scenario } : {}),
      ...(client ? { onRequest: client.onRequest } : {}),
      hooks: {
        verdict: judge.journal,
        checkScenario: (s) => checkScenario(s),
      },
      ...(str(v.control) ? { control: v.control === "on" } : {}),
      ...(str(v.controlToken) ? { controlToken: str(v.controlToken) as string } : {}),
      ...(v.allowHosts ? { allowHosts: v.allowHosts as string[] } : {}),
      config: { sdkappid, identifier, secretKey, now: () => Math.floor(Date.now() / 1000) },
      faults,
      behaviour,
      port,
      host,
      ...(v.throttle ? { throttlePerSecond: Number(v.throttle) } : {}),
      ...(v.transientEvery ? { transientEvery: Number(v.transientEvery) } : {}),
    }).catch((e) => {
      throw listenError(e, host, port);
    });
    // The pid first: a script that sees the ready file may kill at once (issue 22: `npx … & kill $!`
    // signals npm, which does not pass SIGTERM on, and the emulator kept running).
    if (hostsOut) writeAtomic(hostsOut, hostsFile(host), "--hosts-out");
    if (pidFile) writeAtomic(pidFile, `${process.pid}\n`, "--pid-file");
    if (readyFile) writeAtomic(readyFile, `${emu.url}\n`, "--ready-file");
    if (tls?.caFile) io.out(`local CA certificate (trust it in the client): ${tls.caFile}\n`);
    if (v.proxy)
      io.out(
        `HTTPS proxy for Tencent's IM domains: HTTPS_PROXY=${emu.url} (https://console.tim.qq.com/... reaches this emulator)\n`,
      );
    // The key is never printed: say only where it came from.
    io.out(
      `emulator listening on ${emu.url} (sdkappid ${sdkappid}, admin ${identifier}, key from ${env.TIM_SECRET_KEY ? "TIM_SECRET_KEY" : "the development default"}${faults.length ? `, faults: ${faults.map((f) => f.id).join(", ")}` : ""})\n`,
    );
    const controlOn =
      v.control === "on" || (v.control === undefined && /^(127\.|localhost$|::1$)/.test(host));
    // Printed once, and only when made here: a token the user chose they know already.
    if (controlOn && !str(v.controlToken))
      io.out(
        `control API token (send Authorization: Bearer TOKEN to ${emu.url}/__emulator/; TIM_EMULATOR_TOKEN chooses it): ${emu.controlToken}\n`,
      );
    await new Promise<void>((resolve) => {
      if (io.signal?.aborted) resolve();
      io.signal?.addEventListener("abort", () => resolve(), { once: true });
    });
    await emu.shutdown();
    client?.report.flush();
    if (pidFile) rmSync(pidFile, { force: true });
    return EXIT.pass;
  } catch (e) {
    const err =
      e instanceof SuiteError ? e : new SuiteError("TIM_ERR_INTERNAL", (e as Error)?.message ?? String(e));
    io.err(`error: ${err.code}: ${err.message}\n`);
    return err.code === "TIM_ERR_CONFIG" ? EXIT.config : EXIT.unjudged;
  }
}
