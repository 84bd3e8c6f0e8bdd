import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { waitForFile } from "./support/harness.js";

// Issue 22: the most used Go SDK (dobyte/tencent-im) builds its own http.Transport with no Proxy
// function, so HTTPS_PROXY never reaches it. docs/clients.md's way for such SDKs, run for real: the
// emulator on 443 in a network namespace whose /etc/hosts (ip netns exec bind-mounts
// /etc/netns/NAME/hosts) maps Tencent's domains to it, and a Go client of that SDK's shape, built
// from the standard library only (src/proof/go-client/main.go). The namespace has loopback only:
// nothing can leave it. Needs root, iproute2 and Go (.ci/run installs golang-go).
const root = fileURLToPath(new URL("../../", import.meta.url));
const ns = `tim-go-${process.pid}`;
const work = mkdtempSync(join(tmpdir(), "tim-go-"));
const client = join(work, "goclient");
const env = {
  ...process.env,
  TIM_SDKAPPID: String(EMULATOR_DEFAULTS.sdkappid),
  TIM_IDENTIFIER: EMULATOR_DEFAULTS.identifier,
  TIM_SECRET_KEY: EMULATOR_DEFAULTS.secretKey,
};
const inNs = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync("ip", ["netns", "exec", ns, ...args], {
    encoding: "utf8",
    env: { ...env, ...extra },
    timeout: 30_000,
  });

/** Starts the emulator inside the namespace with `flags`; returns its pid (from --pid-file). */
async function emulatorInNs(name: string, flags: string[]): Promise<number> {
  const ready = join(work, `${name}.url`);
  const pid = join(work, `${name}.pid`);
  spawn(
    "ip",
    [
      "netns",
      "exec",
      ns,
      process.execPath,
      join(root, "dist/bin.js"),
      "emulator",
      ...flags,
      "--ready-file",
      ready,
      "--pid-file",
      pid,
    ],
    {
      env,
      stdio: "ignore",
    },
  );
  await waitForFile(ready);
  return Number(await waitForFile(pid));
}

beforeAll(() => {
  // A Go module of one file, built offline: the standard library only, no module proxy.
  const src = join(work, "src");
  mkdirSync(src);
  copyFileSync(join(root, "src/proof/go-client/main.go"), join(src, "main.go"));
  writeFileSync(join(src, "go.mod"), "module goclient\n\ngo 1.19\n");
  execFileSync("go", ["build", "-o", client, "."], {
    cwd: src,
    env: {
      ...process.env,
      CGO_ENABLED: "0",
      GOPROXY: "off",
      GOFLAGS: "-mod=mod",
      GOCACHE: join(work, "gocache"),
      GOPATH: join(work, "gopath"),
    },
    stdio: "pipe",
  });
  execFileSync("ip", ["netns", "add", ns]);
  execFileSync("ip", ["netns", "exec", ns, "ip", "link", "set", "lo", "up"]);
  mkdirSync(`/etc/netns/${ns}`, { recursive: true });
}, 180_000);

afterAll(() => {
  for (const p of spawnSync("ip", ["netns", "pids", ns], { encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean))
    spawnSync("kill", [p]);
  spawnSync("ip", ["netns", "del", ns]);
  rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
});

describe("a Go SDK that ignores HTTPS_PROXY (dobyte/tencent-im's transport)", () => {
  it("never reaches the emulator's proxy: HTTPS_PROXY is ignored, so the proxy route cannot serve it", async () => {
    const pid = await emulatorInNs("proxy", [
      "--proxy",
      "--port",
      "8080",
      "--client-report",
      join(work, "proxy-report"),
    ]);
    const r = inNs([client], { HTTPS_PROXY: "http://127.0.0.1:8080", https_proxy: "http://127.0.0.1:8080" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/console\.tim\.qq\.com/);
    expect(readFileSync(join(work, "proxy-report", "client-conformance.jsonl"), "utf8")).toBe("");
    process.kill(pid, "SIGTERM");
  });

  it("reaches the emulator on 443 through the namespace's hosts file, with and without certificate checks", async () => {
    const ca = join(work, "ca.pem");
    const report = join(work, "report");
    const pid = await emulatorInNs("tls", [
      "--tls",
      "--port",
      "443",
      "--ca-out",
      ca,
      "--hosts-out",
      `/etc/netns/${ns}/hosts`,
      "--client-report",
      report,
    ]);
    expect(readFileSync(`/etc/netns/${ns}/hosts`, "utf8")).toMatch(/^127\.0\.0\.1 console\.tim\.qq\.com$/m);
    // As dobyte's transport does: InsecureSkipVerify, no proxy, a new connection per call.
    const lax = inNs([client, "-group", "go-lax"]);
    expect([lax.status, lax.stderr]).toEqual([0, ""]);
    expect(lax.stdout).toMatch(/^sns\/group_add OK .*"ActionStatus":"OK"/m);
    // An SDK that verifies: the emulator's CA as the system roots.
    const strict = inNs([client, "-verify", "-group", "go-strict"], { SSL_CERT_FILE: ca });
    expect([strict.status, strict.stderr]).toEqual([0, ""]);
    process.kill(pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    // The client report says which domain the SDK used, and that the emulator answered each call.
    const lines = readFileSync(join(report, "client-conformance.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            path: string;
            host: string;
            sni: string;
            answer: { by: string; errorCode: number };
          },
      );
    expect(lines).toHaveLength(8);
    for (const l of lines)
      expect([l.host, l.sni, l.answer.by, l.answer.errorCode]).toEqual([
        "console.tim.qq.com",
        "console.tim.qq.com",
        "emulator",
        0,
      ]);
    expect(lines.map((l) => l.path)).toContain("/v4/sns/group_add");
  }, 60_000);
});
