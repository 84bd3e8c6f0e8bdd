import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { chromium } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { matrixMain } from "../cli/matrix-main.js";
import { mergeMain } from "../cli/merge-main.js";
import { RULES } from "../core/rules/catalogue.js";
import type { Fault } from "../emulator/faults/fault.js";
import { faultById } from "../emulator/faults/index.js";
import { closeAll, emulator } from "./support/targets.js";

// Issue 22: reports that lead with what broke, each output checked by a real consumer: the HTML in
// headless Chromium, JUnit's times summed, the JSON lines parsed and validated by their schema.
const root = fileURLToPath(new URL("../../", import.meta.url));
afterEach(closeAll);

async function run(argv: string[], command = main) {
  const dir = mkdtempSync(join(tmpdir(), "tim-lead-"));
  let out = "";
  let err = "";
  const code = await command(
    [...argv, "--report-dir", dir, "--seed", "7"],
    {},
    {
      out: (s) => (out += s),
      err: (s) => (err += s),
    },
  );
  return { code, out, err, dir, text: (f: string) => readFileSync(join(dir, f), "utf8") };
}

/** An answer with a long unbroken word in it, as a chatty or broken target gives: it must wrap, not run off the page. */
const wide: Fault = {
  id: "wide",
  title: "a 5000-character word in every ErrorInfo",
  breaks: [],
  rewrite: ({ envelope }) => ({ ...envelope, ErrorInfo: `${envelope.ErrorInfo}${"x".repeat(5000)}` }),
};

/** Debian's Chromium, headless, with a fresh profile of its own (playwright takes it as the context's folder). */
const launch = () =>
  chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "tim-chromium-")), {
    executablePath: "/usr/bin/chromium",
    viewport: { width: 1024, height: 800 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });

describe("conformance.html leads with the verdict and what broke, in a real browser", () => {
  it("shows the violated rule, its fix and its direct evidence on the first screen, before the grid, and wraps long text", async () => {
    const cap = faultById("cap-ignores-existing") as Fault;
    const emu = await emulator({ faults: [cap, wide] });
    const r = await run(["--base-url", emu.url, "--runs", "10"]);
    expect(r.code).toBe(1);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`file://${join(r.dir, "conformance.html")}`);
      const top = async (sel: string) => (await page.locator(sel).boundingBox())?.y ?? Number.NaN;
      // The first screen: the verdict, the list of what broke, and the cap rule's own entry with its fix.
      expect(await top("#verdict")).toBeLessThan(200);
      const rule = await top("#rule-group-cap-32");
      expect(rule).toBeLessThan(800);
      expect(rule).toBeLessThan(await top("#grid"));
      const entry = page.locator("#rule-group-cap-32");
      expect(await entry.locator(".fix").textContent()).toMatch(
        /^Fix: Count the groups the user already has/,
      );
      // The most direct evidence first: the case built for the rule, not an auth edge case.
      expect(await entry.locator("p").nth(1).textContent()).toMatch(/^What happened \(case group-cap\)/);
      expect(await entry.locator("details summary").textContent()).toMatch(
        /more occurrence\(s\) of this rule/,
      );
      // Nothing runs off the page: the 5000-character word and the long URLs wrap.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const docs = join(root, "reports");
      mkdirSync(docs, { recursive: true });
      await page.screenshot({ path: join(docs, "conformance-first-screen.png") });
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("marks where the stateful plot's accounts were reset between parts", async () => {
    const r = await run(["--case", "stateful", "--runs", "150"]);
    const html = r.text("conformance.html");
    const marks = [...html.matchAll(/<line [^>]*class="reset"/g)].length;
    // 15 sequences in parts of 5: three parts, two resets between them
    expect(marks).toBe(2);
    expect(html).toContain("dashed: accounts reset between parts (2)");
    expect([...html.matchAll(/<polyline /g)].length).toBe(3);
  });
});

describe("junit.xml times", () => {
  it("add up to the run: each suite is the sum of its testcases, and all suites together stay within the run's time", async () => {
    const r = await run(["--emulator-fault", "cap-ignores-existing", "--runs", "10"]);
    const xml = r.text("junit.xml");
    const num = (re: RegExp) => [...xml.matchAll(re)].map((m) => Number(m[1]));
    const [runTime = 0] = num(/<testsuites [^>]*time="([\d.]+)"/g);
    const suites = num(/<testsuite [^>]*time="([\d.]+)"/g);
    const cases = num(/<testcase [^>]*time="([\d.]+)"/g);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(suites).toHaveLength(RULES.length);
    expect(sum(suites)).toBeGreaterThan(0);
    expect(sum(suites)).toBeLessThanOrEqual(runTime + 0.001 * suites.length);
    expect(Math.abs(sum(suites) - sum(cases))).toBeLessThan(0.001 * cases.length);
    const json = JSON.parse(r.text("conformance.json"));
    expect(runTime).toBeCloseTo(json.run.ms / 1000, 2);
  });
});

describe("--reporter json", () => {
  const schema = JSON.parse(readFileSync(join(root, "schemas/outputs/json-lines.json"), "utf8"));
  const valid = new Ajv2020({ strict: true }).compile(schema);

  it("writes the run's events as JSON lines on stdout, the last the verdict, and the human lines on stderr", async () => {
    const r = await run(["--reporter", "json", "--emulator-fault", "name-limit-in-chars", "--runs", "10"]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    const events = lines.map((l) => JSON.parse(l) as { type: string; [k: string]: unknown });
    for (const [k, e] of events.entries()) expect([k, valid(e), valid.errors]).toEqual([k, true, null]);
    expect(events[0]?.type).toBe("run-start");
    expect(events.at(-1)).toMatchObject({
      type: "verdict",
      verdict: "CONFORMANT",
      exitCode: 0,
      violated: [],
      // the fault's declared rules, both SHOULD (src/emulator/faults/name-limit-in-chars.ts)
      warnings: ["name-bytes-not-chars"],
    });
    expect(events.filter((e) => e.type === "verdict")).toHaveLength(1);
    const warning = events.find((e) => e.type === "finding" && e.rule === "name-bytes-not-chars");
    expect(warning).toMatchObject({ rule: "name-bytes-not-chars", level: "SHOULD", outcome: "fail" });
    expect(String(warning?.replay)).toMatch(
      /^npx tim-conformance --emulator-fault name-limit-in-chars --case /,
    );
    // Humans read stderr: the case lines say "warning" for a SHOULD rule, never ✗.
    expect(r.err).toMatch(/^ {2}! name-bytes \(\d+ ms\): \d+ warning\(s\) \(SHOULD rules\)$/m);
    expect(r.err).not.toMatch(/✗/);
    expect(r.err).toMatch(/^CONFORMANT: /m);
  });
});

describe("--reporter json on merge", () => {
  it("writes the joined run as JSON lines too, the verdict last", async () => {
    const schema = JSON.parse(readFileSync(join(root, "schemas/outputs/json-lines.json"), "utf8"));
    const valid = new Ajv2020({ strict: true }).compile(schema);
    const shards = [];
    for (const s of ["1/2", "2/2"])
      shards.push(await run(["--shard", s, "--runs", "10", "--emulator-fault", "cap-ignores-existing"]));
    const dir = mkdtempSync(join(tmpdir(), "tim-merge-"));
    const m = { out: "", err: "", code: 0 };
    const argv = [...shards.flatMap((s) => ["--from", s.dir]), "--reporter", "json", "--report-dir", dir];
    m.code = await mergeMain(argv, {}, { out: (s) => (m.out += s), err: (s) => (m.err += s) });
    expect(m.code).toBe(1);
    const events = m.out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    for (const e of events) expect(valid(e)).toBe(true);
    expect(events.at(-1)).toMatchObject({
      type: "verdict",
      verdict: "NOT CONFORMANT",
      exitCode: 1,
      violated: ["group-cap-32"],
    });
    expect(m.err).toMatch(/^NOT CONFORMANT: /m);
  });
});

describe("the matrix", () => {
  it("marks OPEN rows whose answers differ, keeps OPEN text whole, and names every report", async () => {
    const r = await run(
      ["--target", "clean=emulator", "--target", "live=emulator:variant=live-2020", "--runs", "10"],
      matrixMain,
    );
    const md = r.text("matrix.md");
    // live-2020 answers 30001 for a non-friend: both pass (OPEN), but the answers differ
    expect(md).toMatch(/^\| `open-not-friend-code` ◀ \| OPEN \| 👁 \| 👁 \|$/m);
    const html = r.text("matrix.html");
    expect(html).toMatch(/<tr class="differs"><td>open-not-friend-code ◀<\/td>/);
    const json = JSON.parse(r.text("matrix.json"));
    for (const t of json.targets as Array<{ observed: Record<string, string> }>)
      for (const value of Object.values(t.observed))
        if (value.length <= 600)
          expect(html).toContain(
            value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"),
          );
    expect(r.out).toMatch(/^reports: .*matrix\.md, matrix\.html, matrix\.json$/m);
    expect(r.err).toMatch(/^matrix: target 1\/2 clean \(emulator\)$/m);
    expect(r.err).toMatch(/^matrix: target 2\/2 live \(emulator:variant=live-2020\), about \d+ s left$/m);
    expect(r.err).toMatch(/^matrix: live: CONFORMANT in [\d.]+ s$/m);
  }, 120_000);
});
