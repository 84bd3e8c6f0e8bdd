import { describe, expect, it } from "vitest";
import { Redactor } from "./redact.js";

describe("Redactor", () => {
  it("replaces known secrets by value, raw and URL-encoded, and any usersig in a URL", () => {
    const r = new Redactor();
    r.add("k3y/with+chars=");
    const text = `key k3y/with+chars= enc ${encodeURIComponent("k3y/with+chars=")} url http://h/p?a=1&usersig=eJxABC*-_&b=2`;
    expect(r.redact(text)).toBe("key [REDACTED] enc [REDACTED] url http://h/p?a=1&usersig=[REDACTED]&b=2");
  });

  it("ignores values too short to be secrets", () => {
    const r = new Redactor();
    r.add("ab");
    expect(r.redact("ab cd")).toBe("ab cd");
  });
});
