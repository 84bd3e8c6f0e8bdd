import { intIn, type SettingSpec } from "../config/table.js";

/** Every setting of `tim-conformance emulator` (npm run emulator). */
// biome-ignore format: one setting per line reads as the table it is
export const EMULATOR_SETTINGS: readonly SettingSpec[] = [
  { key: "port", flag: "port", env: "TIM_EMULATOR_PORT", group: "Run", arg: "N", help: "port to listen on; 0 picks a free one (see --ready-file)", value: "8080", default: "8080", check: intIn(0, 65535) },
  { key: "host", flag: "host", env: "TIM_EMULATOR_HOST", group: "Run", arg: "ADDR", help: "address to listen on; another than loopback exposes the emulator", value: "127.0.0.1", default: "127.0.0.1", emptyIsError: true },
  { key: "tls", flag: "tls", group: "Run", help: "serve HTTPS with a certificate made at start, signed by a local CA (see --ca-out)", default: "off", boolean: true },
  { key: "cert", flag: "cert", group: "Run", arg: "FILE", help: "with --tls or --proxy: the server certificate (PEM) instead of one made at start", default: "—", emptyIsError: true },
  { key: "key", flag: "key", group: "Run", arg: "FILE", help: "the private key (PEM) of --cert", default: "—", emptyIsError: true },
  { key: "caOut", flag: "ca-out", group: "Run", arg: "FILE", help: "where the local CA made at start is written, for clients to trust", default: "<tmpdir>/tim-conformance-emulator-ca.pem", emptyIsError: true },
  { key: "proxy", flag: "proxy", group: "Run", help: "also an HTTPS proxy for Tencent's IM domains only (HTTPS_PROXY=the emulator's URL): other hosts get 403, nothing is ever connected to", default: "off", boolean: true },
  { key: "control", flag: "control", group: "Run", arg: "on|off", help: "the control API under /__emulator/ (state, journal, reset, scenario, config)", default: "on for loopback, off otherwise", check: (v) => (v === "on" || v === "off" ? undefined : `must be on or off, got "${v}"`) },
  { key: "controlToken", flag: "control-token", env: "TIM_EMULATOR_TOKEN", group: "Run", arg: "TOKEN", help: "the token the control API requires (Authorization: Bearer TOKEN); when unset, one is made at random per start and printed once", default: "random per start", emptyIsError: true, secret: true, check: (v) => (v.length >= 16 ? undefined : "must be at least 16 characters") },
  { key: "allowHosts", flag: "allow-host", group: "Run", arg: "NAME", help: "a Host name the control API also answers to besides loopback's (repeatable; every other Host is refused as DNS rebinding)", default: "—", multiple: true },
  { key: "readyFile", flag: "ready-file", group: "Run", arg: "FILE", help: "write the URL here once listening (for --port 0 and scripts)", default: "—", emptyIsError: true },
  { key: "pidFile", flag: "pid-file", group: "Run", arg: "FILE", help: "write the emulator's own process id here once listening, removed on exit: `kill $(cat FILE)` stops it however it was started (npx does not pass SIGTERM on)", default: "—", emptyIsError: true },
  { key: "hostsOut", flag: "hosts-out", group: "Run", arg: "FILE", help: "write an /etc/hosts file mapping every Tencent IM domain to this address, for SDKs that ignore HTTPS_PROXY (docs/clients.md: with --tls --port 443)", default: "—", emptyIsError: true },
  { key: "maxAccounts", flag: "max-accounts", env: "TIM_EMULATOR_MAX_ACCOUNTS", group: "Run", arg: "N", help: "accounts the emulator holds at most; past it imports fail with 70398 (account count over limit)", value: "20000", default: "20000", check: intIn(1, 1_000_000) },
  { key: "faults", flag: "fault", group: "Run", arg: "ID", help: "a deliberate bug (repeatable; see tim-conformance run --list-faults)", default: "—", multiple: true },
  { key: "variants", flag: "variant", group: "Run", arg: "ID", help: "another conformant answer to an open question (repeatable)", default: "—", multiple: true },
  { key: "throttle", flag: "throttle", group: "Run", arg: "N", help: "answer 60007 past N calls in any second, like the live limiter", default: "off", check: intIn(1, 1_000_000) },
  { key: "transientEvery", flag: "transient-every", group: "Run", arg: "N", help: "answer 30006 (internal error, retry) to every Nth group_add", default: "off", check: intIn(1, 1_000_000) },
  { key: "scenario", flag: "scenario", group: "Run", arg: "FILE", help: "scripted answers for a client under test (docs/emulator.md)", default: "—", emptyIsError: true },
  { key: "clientReport", flag: "client-report", group: "Run", arg: "DIR", help: "judge every request the client sends into DIR/client-conformance.{md,json,jsonl}", default: "—", emptyIsError: true },
  { key: "sdkappid", env: "TIM_SDKAPPID", group: "Credentials", help: "the SDKAppID the emulator serves", default: "1400000000", check: intIn(1, 4294967295) },
  { key: "identifier", env: "TIM_IDENTIFIER", group: "Credentials", help: "the App admin account", default: "administrator" },
  { key: "secretKey", env: "TIM_SECRET_KEY", group: "Credentials", help: "the key UserSigs are verified with", default: "a public development key", secret: true },
  { key: "help", flag: "help", group: "Info", help: "print this help and exit", default: "—", boolean: true },
  { key: "version", flag: "version", group: "Info", help: "print the version and exit", default: "—", boolean: true },
];
