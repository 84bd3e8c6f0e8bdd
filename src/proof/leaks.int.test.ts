import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { request as httpRequest, type RequestListener } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import type { Fault } from "../emulator/faults/fault.js";
import { faultById } from "../emulator/faults/index.js";
import { closeAll, emulator, proxyTo, serve } from "./support/targets.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
afterEach(closeAll);

const usersigOf = (url: string): string =>
  new URLSearchParams(url.slice(url.indexOf("?") + 1)).get("usersig") ?? "";

/** Forwards to `upstream` (dropping a path prefix), adding headers made from the request's UserSig. */
function echoHeaders(
  upstream: string,
  strip: string,
  headers: (sig: string) => Record<string, string>,
): RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = (req.url ?? "").replace(strip, "");
      const up = httpRequest(
        `${upstream}${url}`,
        { method: "POST", headers: { "content-type": "application/json" } },
        (u) => {
          const back: Buffer[] = [];
          u.on("data", (c: Buffer) => back.push(c));
          u.on("end", () =>
            res
              .writeHead(u.statusCode ?? 200, {
                "content-type": "application/json",
                ...headers(usersigOf(url)),
              })
              .end(Buffer.concat(back)),
          );
        },
      );
      up.end(Buffer.concat(chunks));
    });
  };
}

async function run(argv: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "tim-leak-"));
  let out = "";
  let err = "";
  const code = await main([...argv, "--report-dir", dir], env, {
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  const file = (f: string) => readFileSync(join(dir, f), "utf8");
  return { code, out, err, file };
}

describe("a target that echoes the UserSig in its answer's headers (issue 21, item 3)", () => {
  it("never writes the UserSig from x-echo-sig or set-cookie into conformance.md, .json or .html", async () => {
    const emu = await emulator({ faults: [faultById("empty-name-accepted") as Fault] });
    const seen = new Set<string>();
    const url = await serve(
      echoHeaders(emu.url, "", (sig) => {
        seen.add(sig);
        return { "x-echo-sig": sig, "set-cookie": `sig=${encodeURIComponent(sig)}; Path=/` };
      }),
    );
    const r = await run(["--base-url", url, "--case", "empty-name"]);
    expect(r.code).toBe(1);
    expect(seen.size).toBeGreaterThan(0);
    const written = ["conformance.md", "conformance.json", "conformance.html", "junit.xml"].map(r.file);
    // The headers are in the evidence (the report shows them), only their secrets are not.
    expect(written[0]).toContain("x-echo-sig");
    for (const sig of seen) {
      const cut = sig.slice(0, 16);
      for (const text of [...written, r.out, r.err]) expect(text.includes(cut)).toBe(false);
    }
  });

  it("prints no secret key found inside --base-url, on stdout or stderr", async () => {
    const key = "Pr1vateKeyInsideTheUrlPath0123456789abcdef";
    const emu = await emulator({
      config: { ...EMULATOR_DEFAULTS, secretKey: key, now: () => Math.floor(Date.now() / 1000) },
    });
    const url = await serve(echoHeaders(emu.url, `/${key}`, () => ({})));
    const r = await run(["--base-url", `${url}/${key}`, "--case", "basic-add"], {
      TIM_SDKAPPID: "1400000000",
      TIM_IDENTIFIER: "administrator",
      TIM_SECRET_KEY: key,
    });
    expect(r.code).toBe(0);
    expect(r.out + r.err).toContain("127.0.0.1");
    expect(r.out + r.err).not.toContain(key.slice(0, 16));
    expect(r.file("conformance.json")).not.toContain(key.slice(0, 16));
  });
});

describe("a target that answers with 20 000 echoes of the UserSig (issue 21, item 8)", () => {
  it("is redacted in linear time: SIGTERM is acted on at once, the run ends and leaks nothing", async () => {
    const emu = await emulator();
    let served = 0;
    // Every group_add answer carries 20 000 echoes of the request's UserSig (3.8 MB).
    const url = await serve(
      proxyTo(emu.url, (r, answer) => {
        if (!r.url.includes("/group_add")) return answer;
        served += 1;
        const echo = Array.from({ length: 20_000 }, () => usersigOf(r.url)).join(" ");
        return JSON.stringify({ ...JSON.parse(answer), Echo: echo });
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), "tim-echo-"));
    const child = spawn(process.execPath, ["dist/bin.js", "run", "--base-url", url, "--report-dir", dir], {
      cwd: root,
      env: { ...process.env, TIM_SECRET_KEY: "", TIM_USERSIG: "" },
    });
    let err = "";
    let signalledAt = 0;
    let heardAt = 0;
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
      if (signalledAt && !heardAt && err.includes("interrupted (SIGTERM)")) heardAt = Date.now();
    });
    // Never left behind, even when the code under test hangs.
    const guard = setTimeout(() => child.kill("SIGKILL"), 55_000);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    // Once a few 3.8 MB answers have been read and redacted, SIGTERM.
    const poll = setInterval(() => {
      if (served >= 3 && signalledAt === 0) {
        signalledAt = Date.now();
        child.kill("SIGTERM");
      }
    }, 20);
    const code = await exited;
    clearInterval(poll);
    clearTimeout(guard);
    expect([code, heardAt > 0]).toEqual([143, true]);
    // Coarse, for a loaded 2-core machine: a quadratic redaction held the main thread for minutes.
    expect(heardAt - signalledAt).toBeLessThan(3_000);
    const json = readFileSync(join(dir, "conformance.json"), "utf8");
    expect(json).toContain('"interrupted": "SIGTERM"');
    expect(json).not.toMatch(/eJ[0-9A-Za-z*_-]{40}/);
  }, 60_000);
});
