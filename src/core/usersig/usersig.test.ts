import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mintUserSig } from "./sign.js";
import { verifyUserSig } from "./verify.js";

const require = createRequire(import.meta.url);
// The official npm package (dev dependency) is the cross-check for our own code.
const Official = require("tls-sig-api-v2") as {
  Api: new (app: number, key: string) => { genSig(id: string, expire: number): string };
};

const KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const APP = 1400000000;
const NOW = 1_764_000_000;

describe("TLSSigAPIv2", () => {
  afterEach(() => vi.useRealTimers());

  it("mints byte-identical signatures to the official tls-sig-api-v2 package", () => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW * 1000);
    const official = new Official.Api(APP, KEY).genSig("administrator", 86400);
    const ours = mintUserSig({
      sdkappid: APP,
      secretKey: KEY,
      identifier: "administrator",
      expire: 86400,
      now: NOW,
    });
    expect(ours).toBe(official);
  });

  it("verifies a signature minted by the official package", () => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW * 1000);
    const sig = new Official.Api(APP, KEY).genSig("administrator", 3600);
    const r = verifyUserSig({
      usersig: sig,
      sdkappid: APP,
      identifier: "administrator",
      secretKey: KEY,
      now: NOW + 10,
    });
    expect(r).toEqual({
      ok: true,
      doc: { identifier: "administrator", sdkappid: APP, time: NOW, expire: 3600 },
    });
  });

  const base = { sdkappid: APP, secretKey: KEY, identifier: "administrator", expire: 3600, now: NOW };
  const good = mintUserSig(base);
  const cases: Array<[string, Parameters<typeof verifyUserSig>[0], string]> = [
    ["empty", { usersig: "", sdkappid: APP, identifier: "administrator", secretKey: KEY, now: NOW }, "empty"],
    [
      "garbage",
      { usersig: "eJxnotasig", sdkappid: APP, identifier: "administrator", secretKey: KEY, now: NOW },
      "undecodable",
    ],
    [
      "truncated",
      { usersig: good.slice(0, 40), sdkappid: APP, identifier: "administrator", secretKey: KEY, now: NOW },
      "undecodable",
    ],
    [
      "other app",
      { usersig: good, sdkappid: APP + 1, identifier: "administrator", secretKey: KEY, now: NOW },
      "sdkappid-mismatch",
    ],
    [
      "other user",
      { usersig: good, sdkappid: APP, identifier: "bob", secretKey: KEY, now: NOW },
      "identifier-mismatch",
    ],
    [
      "expired",
      { usersig: good, sdkappid: APP, identifier: "administrator", secretKey: KEY, now: NOW + 3601 },
      "expired",
    ],
    [
      "other key",
      { usersig: good, sdkappid: APP, identifier: "administrator", secretKey: `${KEY}x`, now: NOW },
      "signature-mismatch",
    ],
  ];
  it.each(cases)("refuses a %s signature", (_name, input, reason) => {
    expect(verifyUserSig(input)).toEqual({ ok: false, reason });
  });

  it("accepts at the last valid second and refuses one after", () => {
    const at = (now: number) =>
      verifyUserSig({ usersig: good, sdkappid: APP, identifier: "administrator", secretKey: KEY, now }).ok;
    expect(at(NOW + 3600)).toBe(true);
    expect(at(NOW + 3601)).toBe(false);
  });
});

describe("UserSig decoding under attack", () => {
  it("refuses a zlib bomb as undecodable without inflating it", async () => {
    const { deflateSync } = await import("node:zlib");
    const { escapeSig } = await import("./base64url.js");
    const { verifyUserSig, MAX_DOCUMENT_BYTES } = await import("./verify.js");
    const bomb = escapeSig(deflateSync(Buffer.alloc(4 * 1024 * 1024, 0x20)).toString("base64"));
    expect(bomb.length).toBeLessThan(8 * 1024); // under the length cap: the inflate cap is what stops it
    const before = process.memoryUsage().arrayBuffers;
    const r = verifyUserSig({ usersig: bomb, sdkappid: 1, identifier: "a", secretKey: "k", now: 0 });
    expect(r).toEqual({ ok: false, reason: "undecodable" });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * MAX_DOCUMENT_BYTES + 1024 * 1024);
  });
});
