import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_DEFAULTS } from "../../config/defaults.js";
import { mintUserSig } from "../../core/usersig/sign.js";
import type { ScenarioStep } from "../scenarios.js";
import { type RunningEmulator, startEmulator } from "../server.js";
import { checkClientRequest } from "./check.js";
import { ClientReport } from "./report.js";

// Every documented kind of answer, in order, for the client below.
const SCENARIO: ScenarioStep[] = [
  { answer: "success" },
  { answer: "partial" },
  { answer: { code: 30011 } },
  { answer: { code: 70001 } },
  { answer: { code: 60007 } },
  { answer: { code: 30006 } },
  { answer: { slowMs: 3100 } },
  { answer: "drop" },
  { answer: "http502" },
];

/** A small client of group_add, written against the docs, as another team would. */
async function addGroups(
  base: string,
  usersig: string,
  body: unknown,
  random = String(Math.floor(Math.random() * 2 ** 32)),
) {
  const q = `sdkappid=${EMULATOR_DEFAULTS.sdkappid}&identifier=${EMULATOR_DEFAULTS.identifier}&usersig=${usersig}&random=${random}&contenttype=json`;
  try {
    const res = await fetch(`${base}/v4/sns/group_add?${q}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    if (res.status !== 200) return `http ${res.status}`;
    const b = (await res.json()) as { ErrorCode: number; Fail_Account?: string[] };
    if (b.ErrorCode !== 0) return `error ${b.ErrorCode}`;
    return b.Fail_Account ? `partial ${b.Fail_Account.join(",")}` : "ok";
  } catch {
    return "network error";
  }
}

let emu: RunningEmulator;
let dir: string;
let report: ClientReport;
const usersig = mintUserSig({ ...EMULATOR_DEFAULTS, expire: 3600, now: Math.floor(Date.now() / 1000) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tim-client-"));
  report = new ClientReport(dir);
  const ctx = {
    ...EMULATOR_DEFAULTS,
    admin: EMULATOR_DEFAULTS.identifier,
    now: () => Math.floor(Date.now() / 1000),
    seenRandoms: new Set<string>(),
  };
  emu = await startEmulator({
    config: { ...EMULATOR_DEFAULTS, now: () => Math.floor(Date.now() / 1000) },
    scenario: SCENARIO,
    onRequest: (req) => report.add(req, checkClientRequest(req, ctx)),
  });
});
afterAll(() => emu.close());

describe("the emulator as a scripted test double", () => {
  it("answers a client with each documented response in turn, then normally", async () => {
    const seen: string[] = [];
    for (let k = 0; k < SCENARIO.length; k++)
      seen.push(
        await addGroups(emu.url, usersig, {
          From_Account: "u1",
          GroupName: [`g${k}`],
          To_Account: ["f1", "f2"],
        }),
      );
    expect(seen).toEqual([
      "ok",
      "partial f2",
      "error 30011",
      "error 70001",
      "error 60007",
      "error 30006",
      "error 30003",
      "network error",
      "http 502",
    ]);
    // Past the script, the real emulator answers: u1 was never imported.
    expect(await addGroups(emu.url, usersig, { From_Account: "u1", GroupName: ["after"] })).toBe(
      "error 30003",
    );
  });

  it("writes a client report that lists each request and the rules it broke, at their levels", async () => {
    // A request as the laxest real clients send it, and one with a real mistake.
    await fetch(
      `${emu.url}/v4/sns/group_add?sdkappid=${EMULATOR_DEFAULTS.sdkappid}&identifier=${EMULATOR_DEFAULTS.identifier}&usersig=${usersig}&random=176412345612345678&contenttype=json`,
      {
        method: "POST",
        body: JSON.stringify({ From_Account: "u1", GroupName: ["lax"], To_Account: null }),
      },
    );
    await fetch(
      `${emu.url}/v4/sns/group_add?sdkappid=${EMULATOR_DEFAULTS.sdkappid}&identifier=someone&usersig=${usersig}&random=7`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          From_Account: "u1",
          GroupName: Array.from({ length: 33 }, (_, k) => `n${k}`),
        }),
      },
    );
    // The journal has every request the moment it is answered; the summaries on flush (or within 200 ms).
    const journal = readFileSync(join(dir, "client-conformance.jsonl"), "utf8").trim().split("\n");
    expect(journal).toHaveLength(SCENARIO.length + 3);
    report.flush();
    const json = JSON.parse(readFileSync(join(dir, "client-conformance.json"), "utf8"));
    expect(json.requests).toBe(SCENARIO.length + 3);
    const failed = (e: { findings: Array<{ rule: string; ok: boolean }> }) =>
      e.findings.filter((f) => !f.ok).map((f) => f.rule);
    const [lax, wrong] = json.entries.slice(-2);
    expect(failed(lax)).toEqual(["client-random-range"]);
    expect(lax.findings).toContainEqual({ rule: "client-optional-null", ok: true, message: "/To_Account" });
    expect(lax.findings).toContainEqual({
      rule: "client-content-type-header",
      ok: true,
      message: expect.stringMatching(/text\/plain|\(none\)/),
    });
    // No contenttype at all is undocumented either way: reported (OPEN), not a violation.
    expect(failed(wrong)).toEqual(["client-identifier-admin", "client-usersig-valid", "client-body-schema"]);
    expect(wrong.findings).toContainEqual({
      rule: "client-contenttype-missing",
      ok: true,
      message: "not sent",
    });
    expect(
      json.entries
        .slice(0, SCENARIO.length)
        .every((e: { findings: Array<{ ok: boolean }> }) => e.findings.every((f) => f.ok)),
    ).toBe(true);
    const md = readFileSync(join(dir, "client-conformance.md"), "utf8");
    expect(md).toContain("❌ 1 of 12 requests break a MUST rule");
    expect(md).not.toContain(usersig);
  });
});
