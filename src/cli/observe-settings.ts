import { httpUrl, intIn, type SettingSpec } from "../config/table.js";
import { limits } from "../core/contract/limits.js";
import { EMULATOR_SETTINGS } from "./emulator-settings.js";

const REGIONS = Object.keys(limits.regions);
const onOff = (v: string) => (v === "on" || v === "off" ? undefined : `must be on or off, got "${v}"`);
/** --tls, --cert and --key mean for the observer what they mean for the emulator. */
const tlsSettings = EMULATOR_SETTINGS.filter((s) => ["tls", "cert", "key"].includes(s.key));

/** Every setting of `tim-conformance observe`. */
// biome-ignore format: one setting per line reads as the table it is
export const OBSERVE_SETTINGS: readonly SettingSpec[] = [
  { key: "upstream", flag: "upstream", env: "TIM_OBSERVE_UPSTREAM", group: "Target", arg: "URL", help: "where every request goes, unchanged: the implementation, the emulator or a gateway (http or https)", default: "—", check: httpUrl, emptyIsError: true, example: "http://127.0.0.1:8080" },
  { key: "region", flag: "region", group: "Target", arg: "NAME", help: `the live service of a region instead: ${REGIONS.join(", ")} (its domain, https://cloud.tencent.com/document/product/269/10107 and docs/sources/tencent-im-rest.md §3.3)`, default: "—", emptyIsError: true, check: (v) => (REGIONS.includes(v) ? undefined : `must be one of ${REGIONS.join(", ")}, got "${v}"`) },
  { key: "port", flag: "port", env: "TIM_OBSERVE_PORT", group: "Run", arg: "N", help: "port to listen on; 0 picks a free one (see --ready-file)", value: "8081", default: "8081", check: intIn(0, 65535) },
  { key: "host", flag: "host", env: "TIM_OBSERVE_HOST", group: "Run", arg: "ADDR", help: "address to listen on; another than loopback exposes the traffic (and serves no report)", value: "127.0.0.1", default: "127.0.0.1", emptyIsError: true },
  { key: "readyFile", flag: "ready-file", group: "Run", arg: "FILE", help: "write the URL here once listening (for --port 0 and scripts)", default: "—", emptyIsError: true },
  { key: "reportDir", flag: "report-dir", env: "TIM_OBSERVE_REPORT_DIR", group: "Run", arg: "DIR", help: "where the reports go (conformance.md, .html, .json, junit.xml): on SIGTERM/SIGINT, at the end of --duration and on GET /__observe/report", value: "reports/observe", default: "reports/observe", emptyIsError: true },
  { key: "duration", flag: "duration", group: "Run", arg: "S", help: "stop after S seconds, write the reports and exit with the verdict", default: "until SIGTERM or SIGINT", check: intIn(1, 30 * 86_400) },
  { key: "crossCall", flag: "cross-call", group: "Run", arg: "on|off", help: "follow accounts through the traffic (group_get against the calls before it, sequences, items); off when other writers change the same accounts unseen", default: "on", check: onOff },
  ...tlsSettings,
  { key: "caOut", flag: "ca-out", group: "Run", arg: "FILE", help: "where the local CA made at start is written, for clients to trust", default: "<tmpdir>/tim-conformance-observe-ca.pem", emptyIsError: true },
  { key: "proxy", flag: "proxy", group: "Run", help: "also an HTTPS proxy for Tencent's IM domains only (HTTPS_PROXY=the observer's URL): a CONNECT to one is observed and forwarded to --upstream, or without it to the domain itself (the live service); other hosts get 403", default: "off", boolean: true },
  { key: "upstreamCa", flag: "upstream-ca", group: "Run", arg: "FILE", help: "a CA certificate (PEM) to trust for an https upstream besides the system's (e.g. the emulator's --ca-out)", default: "—", emptyIsError: true },
  { key: "sdkappid", env: "TIM_SDKAPPID", group: "Credentials", help: "the app's SDKAppID, to judge the clients' sdkappid", default: "— (client-sdkappid not judged)", check: intIn(1, 4294967295) },
  { key: "identifier", env: "TIM_IDENTIFIER", group: "Credentials", help: "the App admin account, to judge the clients' identifier", default: "— (client-identifier-admin not judged)" },
  { key: "secretKey", env: "TIM_SECRET_KEY", group: "Credentials", help: "the app's key, to verify the clients' UserSigs", default: "— (client-usersig-valid not judged)", secret: true },
  { key: "help", flag: "help", group: "Info", help: "print this help and exit", default: "—", boolean: true },
  { key: "version", flag: "version", group: "Info", help: "print the version and exit", default: "—", boolean: true },
];
