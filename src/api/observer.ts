import { limits } from "../core/contract/limits.js";
import { configError } from "../core/kernel/errors.js";
import type { RunEvent } from "../core/kernel/events.js";
import { makeCertificates } from "../emulator/tls.js";
import { startObserver as serve } from "../run/observe/observer.js";
import type { ObserveResult } from "../run/observe/report.js";

export type { ObserveResult };

export interface ObserverStartOptions {
  /** where every request goes, unchanged: an http(s) base URL (an implementation, the emulator) */
  upstream?: string;
  /** or the live service of a region (https://<its domain>) */
  region?: string;
  /** 0 (the default) picks a free port */
  port?: number;
  /** loopback unless given */
  host?: string;
  /** the app's settings the client judge compares with; each left out leaves its rule not judged */
  sdkappid?: number;
  identifier?: string;
  secretKey?: string;
  /** serve HTTPS: true makes a local CA and a certificate for localhost and every Tencent IM domain */
  tls?: true | { certPem: string; keyPem: string };
  /** also an HTTPS proxy for Tencent's IM domains (tls true is implied); without an upstream each domain goes to itself */
  proxy?: boolean;
  /** a CA (PEM) to trust for an https upstream, besides the system's */
  upstreamCa?: string;
  /** follow accounts through the traffic (default true) */
  crossCall?: boolean;
  /** report() writes conformance.md, .html, .json and junit.xml here; nothing is written otherwise */
  reportDir?: string;
  /** every event, as it happens (exchange, finding, observation, skip) */
  onEvent?: (e: RunEvent) => void;
}

/** A running observer; `caPem` is the local CA to trust when it made its own certificate. */
export interface Observer {
  /** what clients use instead of the upstream: their base URL, or HTTPS_PROXY with `proxy` */
  url: string;
  port: number;
  /** the verdict over everything that passed so far (and the reports, with reportDir) */
  report(): Promise<ObserveResult>;
  /** stops listening; exchanges in flight finish for up to `graceMs` */
  close(graceMs?: number): Promise<void>;
  caPem?: string;
}

/** Starts a judging pass-through on loopback in front of an upstream; `await o.close()` stops it. */
export async function startObserver(o: ObserverStartOptions): Promise<Observer> {
  if (o.upstream && o.region) throw configError("upstream/region", "give one of them, not both");
  const live = o.region ? limits.regions[o.region]?.[0] : undefined;
  if (o.region && !live)
    throw configError(
      "region",
      `must be one of ${Object.keys(limits.regions).join(", ")}, got "${o.region}"`,
    );
  const made = o.tls === true || (o.proxy && o.tls === undefined) ? makeCertificates() : undefined;
  const tls = made ?? (typeof o.tls === "object" ? o.tls : undefined);
  const upstream = o.upstream ?? (live ? `https://${live}` : undefined);
  const obs = await serve({
    ...(upstream ? { upstream } : {}),
    ...(tls ? { tls } : {}),
    ...(o.proxy ? { proxy: true } : {}),
    ...(o.upstreamCa ? { upstreamCa: o.upstreamCa } : {}),
    credentials: {
      ...(o.sdkappid !== undefined ? { sdkappid: o.sdkappid } : {}),
      ...(o.identifier !== undefined ? { identifier: o.identifier } : {}),
      ...(o.secretKey !== undefined ? { secretKey: o.secretKey } : {}),
    },
    ...(o.crossCall !== undefined ? { crossCall: o.crossCall } : {}),
    ...(o.reportDir ? { reportDir: o.reportDir } : {}),
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
    port: o.port ?? 0,
    ...(o.host ? { host: o.host } : {}),
  });
  const { url, port, report, close } = obs;
  return { url, port, report, close, ...(made ? { caPem: made.caPem } : {}) };
}
