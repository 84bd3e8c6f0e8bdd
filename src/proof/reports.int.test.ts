import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { main } from "../cli/main.js";
import { matrixMain } from "../cli/matrix-main.js";
import { RULES } from "../core/rules/catalogue.js";
import type { Fault } from "../emulator/faults/fault.js";
import { testcasesOf } from "../report/junit.js";
import { closeAll, emulator } from "./support/targets.js";

// Issue 14: each output accepted by a real consumer: JUnit by the Jenkins xUnit schema, the HTML
// by a real browser, the Markdown by GitHub's 1 MiB step-summary limit, annotations by their format.
const root = fileURLToPath(new URL("../../", import.meta.url));
const XSD = readFileSync(join(root, "schemas/junit/junit-10.xsd"), "utf8");
afterEach(closeAll);

async function run(argv: string[], env: Record<string, string> = {}, command = main) {
  const dir = mkdtempSync(join(tmpdir(), "tim-rep-"));
  let out = "";
  const code = await command([...argv, "--report-dir", dir, "--seed", "7", "--runs", "10"], env, {
    out: (s) => (out += s),
    err: () => {},
  });
  return { code, out, dir, text: (f: string) => readFileSync(join(dir, f), "utf8") };
}

async function validJunit(xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: "junit.xml", contents: xml }], schema: [XSD] });
  return r.errors.map((e) => e.message);
}

const testcases = (xml: string) => [...xml.matchAll(/<testcase [^>]*name="([^"]+)"/g)].map((m) => m[1]);

describe("junit.xml", () => {
  it("is valid against the Jenkins xUnit JUnit schema, with the same testcases in passing, failing and partial runs", async () => {
    const clean = await run([]);
    const failing = await run(["--emulator-fault", "cap-ignores-existing"]);
    const partial = await run(["--case", "basic-add"]);
    const expected = RULES.flatMap((r) => testcasesOf(r.id).map((c) => `${r.id} [${c}]`));
    for (const r of [clean, failing, partial]) {
      const xml = r.text("junit.xml");
      expect(await validJunit(xml)).toEqual([]);
      expect(testcases(xml)).toEqual(expected);
      expect([...xml.matchAll(/<testcase [^>]*time="\d+\.\d{3}"/g)].length).toBe(expected.length);
      expect(JSON.parse(r.text("conformance.json")).exitCode).toBe(r.code);
    }
    expect(failing.text("junit.xml")).toMatch(
      /<testcase classname="MUST.group-cap-32" name="group-cap-32 \[group-cap\]" time="[\d.]+"><failure type="MUST"/,
    );
    expect(partial.text("junit.xml")).toMatch(
      /name="group-cap-32 \[group-cap\]" time="0.000"><skipped message="case group-cap was not run in this run"/,
    );
  });

  it("marks an interrupted run in the suite name and a property, and conformance.json has the process's exit code", async () => {
    const stop = new AbortController();
    const emu = await emulator({ latencyMs: 5 });
    const dir = mkdtempSync(join(tmpdir(), "tim-rep-"));
    setTimeout(() => stop.abort("SIGTERM"), 400);
    const code = await main(
      ["--base-url", emu.url, "--report-dir", dir],
      {},
      { out: () => {}, err: () => {}, signal: stop.signal },
    );
    const xml = readFileSync(join(dir, "junit.xml"), "utf8");
    expect(code).toBe(143);
    expect(JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")).exitCode).toBe(143);
    expect(xml).toMatch(
      /<testsuites name="tim group_add conformance \(incomplete: interrupted by SIGTERM\)"/,
    );
    expect(xml).toContain('<property name="incomplete" value="true"/>');
    expect(await validJunit(xml)).toEqual([]);
  });
});

describe("conformance.md stays under GitHub's 1 MiB step-summary limit", () => {
  it("with a chatty target (300 KB ErrorInfo on every answer), failing or not", async () => {
    const chatty: Fault = {
      id: "chatty",
      title: "a 300 KB ErrorInfo on every group_add answer",
      breaks: [],
      rewrite: ({ envelope }) => ({ ...envelope, ErrorInfo: `${envelope.ErrorInfo} ${"x".repeat(300_000)}` }),
    };
    for (const extra of [
      [],
      [
        {
          ...chatty,
          id: "chatty-500",
          rewrite: () => ({
            status: 500,
            headers: {},
            body: "y".repeat(300_000),
          }),
        },
      ],
    ]) {
      const emu = await emulator({ faults: [chatty, ...(extra as Fault[])] });
      const r = await run(["--base-url", emu.url]);
      const md = r.text("conformance.md");
      expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
      expect(md).toMatch(/characters; full text in conformance\.json/);
    }
  });
});

describe("the GitHub reporter", () => {
  it("writes the summary to GITHUB_STEP_SUMMARY and one ::error line per violated MUST rule", async () => {
    const summary = join(mkdtempSync(join(tmpdir(), "tim-gh-")), "summary.md");
    writeFileSync(summary, "");
    const r = await run(["--emulator-fault", "cap-ignores-existing"], {
      GITHUB_ACTIONS: "true",
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(r.out).toMatch(/^::error title=MUST group-cap-32::A user may hold 32 groups/m);
    // cap-ignores-existing breaks one MUST rule, the cap: a wrongly accepted call is blamed once, on it.
    const violated = (
      JSON.parse(r.text("conformance.json")).rules as Array<{ id: string; level: string; verdict: string }>
    )
      .filter((x) => x.level === "MUST" && x.verdict === "fail")
      .map((x) => x.id);
    expect(violated).toEqual(["group-cap-32"]);
    expect(r.out.split("\n").filter((l) => l.startsWith("::error"))).toHaveLength(violated.length);
    expect(readFileSync(summary, "utf8")).toMatch(/^# v4\/sns\/group_add conformance report/);
  });
});

describe("the HTML report, in a real browser", () => {
  let shot: string;
  beforeAll(() => {
    shot = join(root, "reports");
  });
  it("shows the verdict and a failing rule, with no console error and no network request", async () => {
    const r = await run(["--emulator-fault", "cap-ignores-existing"]);
    const m = await run(
      ["--target", "clean=emulator", "--target", "faulty=emulator:fault=cap-ignores-existing"],
      {},
      matrixMain,
    );
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    try {
      for (const [file, wants] of [
        [join(r.dir, "conformance.html"), ["NOT CONFORMANT", "group-cap-32"]],
        [join(m.dir, "matrix.html"), ["faulty", "group-cap-32 ◀"]],
      ] as const) {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on("console", (msg) => {
          if (msg.type() === "error") problems.push(msg.text());
        });
        page.on("pageerror", (e) => problems.push(e.message));
        page.on("request", (req) => {
          if (!req.url().startsWith("file:")) problems.push(`network: ${req.url()}`);
        });
        await page.goto(`file://${file}`);
        for (const w of wants)
          expect(await page.getByText(w, { exact: false }).first().isVisible()).toBe(true);
        await page.screenshot({
          path: join(shot, file.endsWith("matrix.html") ? "matrix-html.png" : "conformance-html.png"),
          fullPage: true,
        });
        expect(problems).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
