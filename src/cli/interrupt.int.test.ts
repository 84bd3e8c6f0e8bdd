import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { digitIds } from "../cases/accounts/pool.js";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { startEmulator } from "../emulator/server.js";
import { newUser, snapshot } from "../emulator/state.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("interrupting a run", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "on %s stops the current case, resets the pool, writes partial reports and exits %i",
    async (signal, want) => {
      const emu = await startEmulator({
        config: { ...EMULATOR_DEFAULTS, now: () => Math.floor(Date.now() / 1000) },
        latencyMs: 15,
      });
      // Someone else's data, there before the run: it must come out exactly as it went in.
      const bystander = newUser("someone_else");
      bystander.groups.push("family", "work");
      bystander.friends.set("tim_ct_u01", new Set(["work"]));
      bystander.seq = 7;
      emu.state.users.set(bystander.id, bystander);
      const before = snapshot(emu.state).someone_else;
      const dir = mkdtempSync(join(tmpdir(), "tim-int-"));
      try {
        const child = spawn(
          process.execPath,
          ["dist/bin.js", "run", "--base-url", emu.url, "--report-dir", dir],
          {
            cwd: root,
            env: { ...process.env, TIM_SECRET_KEY: "", TIM_USERSIG: "" },
          },
        );
        let err = "";
        const code = await new Promise<number | null>((resolve) => {
          child.stderr.on("data", (c: Buffer) => {
            err += c.toString();
            // Interrupt in the middle of the second case, once the first has finished.
            if (err.includes("✓ basic-add") && !child.killed) setTimeout(() => child.kill(signal), 30);
          });
          child.on("exit", (c) => resolve(c));
        });
        expect(code).toBe(want);
        expect(err).toContain(
          `interrupted (${signal}): stopping the current case, cleaning up, writing partial reports`,
        );
        const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8"));
        expect(report.run.incomplete).toBe(true);
        expect(readFileSync(join(dir, "conformance.md"), "utf8")).toContain("run incomplete");
        // Nothing the suite created remains: its accounts exist (never deleted) but hold no groups or friends.
        const state = snapshot(emu.state);
        expect(state.someone_else).toEqual(before);
        const ids = Object.keys(state).filter((id) => id !== "someone_else");
        expect(ids.length).toBeGreaterThan(0);
        // The pool's accounts, and its digits-only ones (derived from the same prefix).
        expect(ids.every((id) => id.startsWith("tim_ct_") || digitIds("tim_ct").includes(id))).toBe(true);
        for (const id of ids) expect([id, state[id]?.groups, state[id]?.friends]).toEqual([id, [], {}]);
      } finally {
        await emu.close();
      }
    },
  );
});
