import { mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { newUser } from "../emulator/state.js";
import { closeAll, emulator, serve } from "./support/targets.js";

afterEach(closeAll);

/** One raw request: any Host, Origin or content type, as a hostile page or a rebinding DNS would send. */
function raw(
  url: string,
  path: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${path}`,
      { method: o.method ?? "GET", headers: o.headers ?? {} },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(o.body ?? "");
  });
}

const FAULT = JSON.stringify({ faults: ["cap-off-by-one"] });

describe("the control API refuses what a web page or a rebinding name could send (issue 21, item 5)", () => {
  it("refuses a foreign Host, a cross-site Origin or Sec-Fetch-Site, a non-JSON write and a missing token", async () => {
    const e = await emulator();
    const port = new URL(e.url).port;
    const token = e.controlToken;
    const auth = { authorization: `Bearer ${token}` };
    const json = { ...auth, "content-type": "application/json" };
    const attacks: Array<[string, Parameters<typeof raw>[2] & { path: string }]> = [
      [
        "DNS rebinding: the journal under another name",
        { path: "/__emulator/journal", headers: { ...auth, host: `rebind.example:${port}` } },
      ],
      [
        "a cross-site text/plain POST",
        {
          path: "/__emulator/config",
          method: "POST",
          body: FAULT,
          headers: { ...auth, "content-type": "text/plain", origin: "http://evil.example" },
        },
      ],
      [
        "a cross-site Origin on a JSON POST",
        {
          path: "/__emulator/config",
          method: "POST",
          body: FAULT,
          headers: { ...json, origin: "http://evil.example" },
        },
      ],
      [
        "Sec-Fetch-Site: cross-site",
        {
          path: "/__emulator/reset",
          method: "POST",
          body: "{}",
          headers: { ...json, "sec-fetch-site": "cross-site" },
        },
      ],
      [
        "Sec-Fetch-Site: same-site (another port)",
        { path: "/__emulator/state", headers: { ...auth, "sec-fetch-site": "same-site" } },
      ],
      [
        "a write without a JSON content type",
        {
          path: "/__emulator/config",
          method: "POST",
          body: FAULT,
          headers: { ...auth, "content-type": "text/plain" },
        },
      ],
      ["no token", { path: "/__emulator/journal", headers: {} }],
      [
        "a wrong token",
        {
          path: "/__emulator/config",
          method: "POST",
          body: FAULT,
          headers: { authorization: "Bearer nope", "content-type": "application/json" },
        },
      ],
    ];
    for (const [what, a] of attacks) {
      const r = await raw(e.url, a.path, a);
      expect([what, r.status]).toEqual([what, 403]);
      expect(r.body).not.toContain("entries");
    }
    expect(e.env.faults).toEqual([]);
    // The emulator's own clients still get through: loopback names, the token, JSON.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const r = await raw(e.url, "/__emulator/config", {
        method: "POST",
        body: FAULT,
        headers: { ...json, host },
      });
      expect([host, r.status]).toEqual([host, 200]);
    }
    expect(e.env.faults.map((f) => f.id)).toEqual(["cap-off-by-one"]);
    expect((await raw(e.url, "/__emulator/journal", { headers: auth })).status).toBe(200);
  });

  it("answers a name the user allowed", async () => {
    const e = await emulator({ allowHosts: ["emu.test"] });
    const port = new URL(e.url).port;
    const r = await raw(e.url, "/__emulator/state", {
      headers: { authorization: `Bearer ${e.controlToken}`, host: `emu.test:${port}` },
    });
    expect(r.status).toBe(200);
  });

  it("a page on another origin, in real headless Chromium, can neither drive nor read it", async () => {
    const e = await emulator();
    const port = new URL(e.url).port;
    const target = e.url;
    // The hostile page: every way a page can reach a loopback server without the user's help.
    const page = `<!doctype html><title>evil</title><body><script>
      const T = ${JSON.stringify(target)};
      const results = [];
      const tryIt = async (what, f) => { try { results.push([what, await f()]); } catch (err) { results.push([what, "blocked: " + err.message]); } };
      (async () => {
        await tryIt("text/plain POST", () => fetch(T + "/__emulator/config", { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(FAULT)} }).then(r => r.type));
        await tryIt("JSON POST", () => fetch(T + "/__emulator/config", { method: "POST", headers: { "content-type": "application/json" }, body: ${JSON.stringify(FAULT)} }).then(r => r.status));
        await tryIt("read journal", () => fetch(T + "/__emulator/journal").then(r => r.text()));
        await tryIt("scenario by beacon", () => navigator.sendBeacon(T + "/__emulator/scenario", ${JSON.stringify(JSON.stringify([{ answer: { code: 30011 } }]))}));
        const f = document.createElement("form");
        f.method = "POST"; f.action = T + "/__emulator/reset"; f.enctype = "text/plain"; f.target = "sink";
        const i = document.createElement("input"); i.name = '{"a":"'; i.value = '"}'; f.appendChild(i);
        const sink = document.createElement("iframe"); sink.name = "sink"; document.body.appendChild(sink);
        document.body.appendChild(f); f.submit();
        await new Promise(r => setTimeout(r, 500));
        document.title = "done";
        window.results = results;
      })();
    </script></body>`;
    const evil = await serve((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page));
    e.state.users.set("victim", newUser("victim"));
    // A fresh profile each time: no state carried between runs.
    const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "tim-chromium-")), {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // A name that resolves to loopback: the rebinding case, a page whose origin is the emulator's port.
        "--host-resolver-rules=MAP rebind.test 127.0.0.1",
      ],
    });
    try {
      const tab = await browser.newPage();
      await tab.goto(evil);
      await tab.waitForFunction(() => document.title === "done", undefined, { timeout: 15_000 });
      const results = (await tab.evaluate(
        () => (window as unknown as { results: unknown[] }).results,
      )) as Array<[string, unknown]>;
      const read = results.find(([w]) => w === "read journal")?.[1];
      expect(String(read)).not.toContain("entries");
      // Rebinding: the emulator's own port under a name the attacker controls.
      const rebound = await tab.goto(`http://rebind.test:${port}/__emulator/journal`);
      expect(rebound?.status()).toBe(403);
      expect(await tab.content()).not.toContain("entries");
    } finally {
      await browser.close();
    }
    expect(e.env.faults).toEqual([]);
    expect(Object.keys(e.snapshot())).toEqual(["victim"]);
  });
});
