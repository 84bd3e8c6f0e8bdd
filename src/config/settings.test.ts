import { describe, expect, it } from "vitest";
import { EMULATOR_SETTINGS } from "../cli/emulator-settings.js";
import { OBSERVE_SETTINGS } from "../cli/observe-settings.js";
import { EMULATOR_DEFAULTS } from "./defaults.js";
import { resolveSettings } from "./settings.js";
import { COMMAND_TABLES, defaultOf } from "./table.js";

describe("resolveSettings", () => {
  it("targets the embedded emulator with its development defaults when nothing is set", () => {
    const s = resolveSettings({});
    expect(s.target).toEqual({ kind: "emulator", faults: [], variants: [] });
    expect([s.sdkappid, s.identifier, s.secretKey]).toEqual([
      EMULATOR_DEFAULTS.sdkappid,
      EMULATOR_DEFAULTS.identifier,
      EMULATOR_DEFAULTS.secretKey,
    ]);
    // The defaults come from the settings table, the one place they are written (issue 24).
    expect([s.reportDir, String(s.timeoutMs), s.prefix]).toEqual([
      defaultOf("reportDir"),
      defaultOf("timeoutMs"),
      defaultOf("prefix"),
    ]);
    expect([s.live.rate, s.live.backoffMs]).toEqual([
      Number(defaultOf("rate", true)),
      Number(defaultOf("backoffMs", true)),
    ]);
    const remote = resolveSettings({
      baseUrl: "https://im.example.test",
      sdkappid: "1",
      identifier: "a",
      secretKey: "k",
    });
    expect([remote.live.rate, remote.live.backoffMs]).toEqual([
      Number(defaultOf("rate")),
      Number(defaultOf("backoffMs")),
    ]);
  });

  it("shows every default as the table holds it: the text names the value (and the loopback one)", () => {
    for (const t of [...COMMAND_TABLES, EMULATOR_SETTINGS, OBSERVE_SETTINGS])
      for (const spec of t.filter((x) => x.value !== undefined)) {
        expect([spec.key, spec.default.includes(spec.value ?? "")]).toEqual([spec.key, true]);
        if (spec.loopbackValue !== undefined)
          expect([spec.key, spec.default.includes(spec.loopbackValue)]).toEqual([spec.key, true]);
      }
  });

  it.each([
    ["china", "https://console.tim.qq.com"],
    ["Singapore", "https://adminapisgp.im.qcloud.com"],
    ["silicon-valley", "https://adminapiusa.im.qcloud.com"],
    ["jakarta", "https://adminapiidn.im.qcloud.com"],
  ])(
    "maps region %s to %s (https://cloud.tencent.com/document/product/269/10107 domain table)",
    (region, url) => {
      const s = resolveSettings({ region, sdkappid: "1400000001", identifier: "admin", secretKey: "k" });
      expect(s.target).toMatchObject({ kind: "region", baseUrl: url });
    },
  );

  it("assumes the emulator's defaults for a bare base URL, and the given credentials otherwise", () => {
    expect(resolveSettings({ baseUrl: "http://127.0.0.1:8080/" }).sdkappid).toBe(EMULATOR_DEFAULTS.sdkappid);
    const s = resolveSettings({
      baseUrl: "https://im.example.test/base/",
      sdkappid: "1400000009",
      identifier: "root",
      usersig: "sig",
    });
    expect(s.target).toEqual({ kind: "base-url", baseUrl: "https://im.example.test/base" });
    expect([s.sdkappid, s.identifier, s.usersig, s.secretKey]).toEqual([
      1400000009,
      "root",
      "sig",
      undefined,
    ]);
  });

  it("replays with a given seed and picks one otherwise", () => {
    expect(resolveSettings({ seed: "42" }).seed).toBe(42);
    expect(Number.isInteger(resolveSettings({}).seed)).toBe(true);
  });
});
