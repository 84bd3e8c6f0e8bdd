import { renderHelp } from "../config/help.js";
import { checkValues, parseWith } from "../config/parse.js";
import { defaultOf } from "../config/table.js";
import { limits } from "../core/contract/limits.js";
import { configError, SuiteError } from "../core/kernel/errors.js";
import type { RunEvent } from "../core/kernel/events.js";
import { checkWritableFile, ensureWritableDir, writeAtomic } from "../core/kernel/files.js";
import { MAX_SMALL_INPUT_BYTES, readInput } from "../core/kernel/inputs.js";
import { consoleSummary } from "../report/console.js";
import { startObserver } from "../run/observe/observer.js";
import { listenError, tlsMaterial } from "./emulator-main.js";
import { envRedactor, failureExit, redactedIo } from "./failure.js";
import { answerInfo } from "./info.js";
import type { Io } from "./main.js";
import { OBSERVE_SETTINGS } from "./observe-settings.js";

export const OBSERVE_HELP = (command: string): string =>
  renderHelp(
    `${command} --upstream URL [options]`,
    "A judging pass-through: clients talk to it instead of the upstream (an implementation, the emulator,\nthe live service); it forwards every request and answer unchanged and judges both, the client's\nrequests by the client rules and the service's answers by every rule traffic can show. SIGTERM,\nSIGINT or the end of --duration writes the reports and exits with the verdict: 1 when either side\nbroke a MUST rule, 0 when not, 3 when nothing judgeable passed (docs/observe.md).",
    OBSERVE_SETTINGS,
  );

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The upstream: --upstream, or --region's live domain; neither with --proxy is each domain to itself. */
function upstreamOf(v: Record<string, unknown>): string | undefined {
  const url = str(v.upstream);
  const region = str(v.region);
  if (url && region) throw configError("--upstream/--region", "give one of them, not both");
  if (region) return `https://${limits.regions[region]?.[0] ?? ""}`;
  if (!url && !v.proxy)
    throw configError(
      "--upstream",
      "give the upstream's URL (or --region NAME for the live service, or --proxy to forward each Tencent domain to itself)",
    );
  return url;
}

/** Until SIGTERM/SIGINT, or the end of --duration. */
function stopped(io: Io, seconds: number | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (io.signal?.aborted) return resolve();
    io.signal?.addEventListener("abort", () => resolve(), { once: true });
    if (seconds) setTimeout(resolve, seconds * 1000).unref();
  });
}

/** A MUST violation as it happens, once per rule: the reports have them all. */
function liveViolations(err: (s: string) => void): (e: RunEvent) => void {
  const told = new Set<string>();
  return (e) => {
    if (e.type !== "finding" || e.finding.outcome !== "fail" || e.finding.level !== "MUST") return;
    if (told.has(e.finding.rule)) return;
    told.add(e.finding.rule);
    err(
      `  ✗ MUST ${e.finding.rule} (#${e.finding.exchange?.seq ?? "?"} ${e.finding.exchange?.command ?? ""}): ${e.finding.message}\n`,
    );
  };
}

/**
 * `tim-conformance observe`: returns the verdict's exit code once stopped (a signal or --duration),
 * 2 at once for a bad setting; never a stack trace.
 */
export async function observeMain(
  argv: string[],
  env: Record<string, string | undefined>,
  rawIo: Io,
): Promise<number> {
  const redactor = envRedactor(env);
  const io = redactedIo(rawIo, redactor);
  try {
    const v = parseWith(OBSERVE_SETTINGS, argv, env);
    const info = answerInfo(v, OBSERVE_HELP, io);
    if (info !== undefined) return info;
    checkValues(OBSERVE_SETTINGS, v);
    const upstream = upstreamOf(v);
    const port = Number(str(v.port) ?? defaultOf("port", false, OBSERVE_SETTINGS));
    const host = str(v.host) ?? (defaultOf("host", false, OBSERVE_SETTINGS) as string);
    const dir = ensureWritableDir(
      str(v.reportDir) ?? (defaultOf("reportDir", false, OBSERVE_SETTINGS) as string),
      "--report-dir",
    );
    const readyFile = str(v.readyFile)
      ? checkWritableFile(str(v.readyFile) as string, "--ready-file")
      : undefined;
    const caFile = str(v.upstreamCa);
    const upstreamCa = caFile
      ? readInput(caFile, "--upstream-ca", MAX_SMALL_INPUT_BYTES).toString("utf8")
      : undefined;
    if (upstreamCa !== undefined && !upstreamCa.includes("-----BEGIN CERTIFICATE-----"))
      throw configError("--upstream-ca", `${caFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
    const tls = v.tls || v.proxy ? tlsMaterial(v, "tim-conformance-observe-ca.pem") : undefined;
    const secretKey = str(v.secretKey);
    const obs = await startObserver({
      ...(upstream ? { upstream } : {}),
      ...(upstreamCa ? { upstreamCa } : {}),
      ...(tls ? { tls: tls.material } : {}),
      ...(v.proxy ? { proxy: true } : {}),
      credentials: {
        ...(str(v.sdkappid) ? { sdkappid: Number(v.sdkappid) } : {}),
        ...(str(v.identifier) ? { identifier: str(v.identifier) as string } : {}),
        ...(secretKey ? { secretKey } : {}),
      },
      crossCall: v.crossCall !== "off",
      reportDir: dir,
      onEvent: liveViolations(io.err),
      port,
      host,
    }).catch((e: unknown) => {
      throw e instanceof SuiteError ? e : listenError(e, host, port);
    });
    if (readyFile) writeAtomic(readyFile, `${obs.url}\n`, "--ready-file");
    if (tls?.caFile) io.out(`local CA certificate (trust it in the client): ${tls.caFile}\n`);
    if (v.proxy) io.out(`HTTPS proxy for Tencent's IM domains: HTTPS_PROXY=${obs.url}\n`);
    io.out(
      `observing on ${obs.url} → ${upstream ?? "each Tencent IM domain itself (the live service)"}; reports in ${dir} (GET ${obs.url}/__observe/report, SIGTERM, SIGINT${v.duration ? `, or after ${v.duration} s` : ""})\n`,
    );
    await stopped(io, v.duration ? Number(v.duration) : undefined);
    await obs.close();
    const result = await obs.report();
    io.out(consoleSummary(obs.tally, dir));
    return result.exitCode;
  } catch (e) {
    return failureExit(e, redactor, io.err);
  }
}
