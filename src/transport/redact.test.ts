import { describe, expect, it } from "vitest";
import { mintUserSig } from "../core/usersig/sign.js";
import { MIN_RUN, Redactor } from "./redact.js";

const SIG = mintUserSig({
  sdkappid: 1400000000,
  identifier: "administrator",
  secretKey: "k",
  expire: 86400,
  now: 1_700_000_000,
});
const KEY = "Ab+/cD== key with spaces/and+plus 0123456789";

/** Python's urllib.parse.quote(safe=""): every byte but A-Z a-z 0-9 _.-~ as %XX, `*` included. */
const pythonQuote = (s: string) =>
  [...Buffer.from(s, "utf8")]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
/** Java's URLEncoder: space as +, `*` kept. */
const javaEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, "+").replace(/'/g, "%27");
const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

describe("Redactor", () => {
  const r = new Redactor();
  r.add(SIG);
  r.add(KEY);
  const encodings: Array<[string, (s: string) => string]> = [
    ["raw", (s) => s],
    ["encodeURIComponent", encodeURIComponent],
    ["Python quote (* as %2A)", pythonQuote],
    ["Python quote, lower-case hex", (s) => lowerHex(pythonQuote(s))],
    ["Java URLEncoder (space as +)", javaEncode],
    ["JSON-escaped", (s) => JSON.stringify(s).slice(1, -1)],
    ["JSON-escaped with \\/ (PHP)", (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, "\\/")],
    [
      "JSON \\u escapes",
      (s) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    ],
  ];
  // Base64 of a secret is a secret of its own: runs are taken of the encoded text.
  const b64: Array<[string, (s: string) => string]> = [
    ["base64", (s) => Buffer.from(s).toString("base64")],
    ["base64url", (s) => Buffer.from(s).toString("base64url")],
  ];
  it.each(encodings)(
    "removes the UserSig and the key echoed %s, whole or any 16-character run",
    (_w, enc) => {
      for (const secret of [SIG, KEY]) {
        const echoes = [secret, secret.slice(0, 40), secret.slice(7, 7 + MIN_RUN), secret.slice(-MIN_RUN)];
        for (const e of echoes) {
          const text = `{"ErrorInfo":"bad sig ${enc(e)} end"}`;
          const out = r.redact(text);
          expect(out).toContain("[REDACTED]");
          expect(out).toMatch(/^\{"ErrorInfo":"bad sig .*end"\}$/);
          // No run of 16 characters of the secret survives in the canonical reading either.
          expect(out.includes(enc(e).slice(0, MIN_RUN))).toBe(false);
        }
      }
    },
  );

  it.each(b64)(
    "removes the %s of the UserSig and the key, whole or any 16-character run of it",
    (_w, enc) => {
      for (const secret of [SIG, KEY]) {
        const e = enc(secret);
        for (const part of [e, e.slice(0, 40), e.slice(5, 5 + MIN_RUN)]) {
          expect(r.redact(`echo ${part} end`)).toBe("echo [REDACTED] end");
        }
      }
    },
  );

  it("leaves runs shorter than 16 characters and unrelated text alone", () => {
    const short = SIG.slice(3, 3 + MIN_RUN - 1);
    expect(r.redact(`x ${short} y`)).toBe(`x ${short} y`);
    expect(r.redact("group_add 分组 😀 %zz \\q + plain")).toBe("group_add 分组 😀 %zz \\q + plain");
  });

  it("redacts any usersig in a URL, whatever its value or the parameter's case", () => {
    const q = new Redactor();
    expect(q.redact("http://h/p?a=1&usersig=eJxABC*-_&b=2")).toBe("http://h/p?a=1&usersig=[REDACTED]&b=2");
    expect(q.redact("http://h/p?UserSig=abc")).toBe("http://h/p?UserSig=[REDACTED]");
  });

  it("ignores values too short to be secrets, and matches short secrets whole in every encoding", () => {
    const q = new Redactor();
    q.add("ab");
    q.add("s3+/t");
    expect(q.redact("ab cd")).toBe("ab cd");
    expect(q.redact(`k=${encodeURIComponent("s3+/t")} j="s3+\\/t"`)).toBe('k=[REDACTED] j="[REDACTED]"');
  });
});

describe("Redactor on a hostile answer (issue 21, item 8)", () => {
  it("redacts 20 000 echoes of a UserSig (3.8 MB) in one pass: within the test's timeout, nothing left", () => {
    const r = new Redactor();
    r.add(SIG);
    const text = `{"ErrorInfo":"${Array.from({ length: 20_000 }, (_, k) => `${k}:${SIG}`).join(" ")}"}`;
    expect(text.length).toBeGreaterThan(3_000_000);
    const out = r.redact(text);
    expect(out.includes(SIG.slice(0, MIN_RUN))).toBe(false);
    expect(out.split("[REDACTED]").length - 1).toBe(20_000);
    expect(out.startsWith('{"ErrorInfo":"0:[REDACTED] 1:[REDACTED]')).toBe(true);
  }, 20_000);
});
