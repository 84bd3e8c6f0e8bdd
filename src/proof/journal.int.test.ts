import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { decodedDocument } from "../core/usersig/verify.js";
import type { EmuRequest } from "../emulator/types.js";
import { closeAll, emulator } from "./support/targets.js";

afterEach(closeAll);

/** Every run of UserSig characters in a text that decodes as a signature document: a usable credential. */
function credentialsIn(text: string): string[] {
  const runs = text.match(/(?:[A-Za-z0-9*_-]|%2[Aa])(?:[A-Za-z0-9*_-]|%2[Aa]){31,}/g) ?? [];
  return runs.filter((r) => decodedDocument(r.replace(/%2a/gi, "*"))?.includes("TLS.sig"));
}

describe("the emulator's journal holds no credential (issue 21, item 4)", () => {
  it("after run --case auth, no UserSig in any key case or position, and not the app's key", async () => {
    const key = "a-real-apps-secret-key-0123456789abcdef0123456789";
    const sent: EmuRequest[] = [];
    const emu = await emulator({
      config: { ...EMULATOR_DEFAULTS, secretKey: key, now: () => Math.floor(Date.now() / 1000) },
      onRequest: (r) => sent.push(r),
    });
    const code = await main(
      ["--base-url", emu.url, "--case", "auth", "--report-dir", mkdtempSync(join(tmpdir(), "tim-j-"))],
      {
        TIM_SDKAPPID: String(EMULATOR_DEFAULTS.sdkappid),
        TIM_IDENTIFIER: EMULATOR_DEFAULTS.identifier,
        TIM_SECRET_KEY: key,
      },
      { out: () => {}, err: () => {} },
    );
    expect(code).toBe(0);
    // The attack: the suite does send UserSigs under keys in other letter cases.
    const keys = new Set(sent.flatMap((r) => Object.keys(r.query)));
    expect([...keys].some((k) => k !== "usersig" && k.toLowerCase() === "usersig")).toBe(true);
    const sentSigs = sent.flatMap((r) => credentialsIn(`${JSON.stringify(r.query)} ${r.body}`));
    expect(sentSigs.length).toBeGreaterThan(0);
    const journal = JSON.stringify(emu.journal());
    expect(credentialsIn(journal)).toEqual([]);
    for (const sig of sentSigs) expect(journal.includes(sig.slice(0, 16))).toBe(false);
    expect(journal.includes(key.slice(0, 16))).toBe(false);
    // Still a journal: every request is there, with what is not secret.
    expect(emu.journal().length).toBe(sent.length);
    expect(journal).toContain("group_add");
  });
});
