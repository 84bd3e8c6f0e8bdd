import { describe, expect, it } from "vitest";
import { RULES } from "../core/rules/catalogue.js";
import { explainRule } from "./explain.js";

// Issue 16: --explain answers for every rule, from the code's own registries.
describe("--explain", () => {
  it.each(RULES.map((r) => [r.id, r] as const))("explains %s", (id, rule) => {
    const text = explainRule(id);
    expect(text.startsWith(`${id} (${rule.level}`)).toBe(true);
    expect(text).toContain(rule.clause);
    expect(text).toContain(rule.source);
    const proofs = text.slice(text.indexOf("tests that prove it:"));
    // A rule nothing proves would be a check never seen failing (principle 3).
    expect(proofs).toMatch(/\n {4}src\//);
    if (rule.level !== "OPEN") expect(proofs).toMatch(/catches fault /);
    // An exchange check, a case or the whole-effect oracle judges it.
    expect(text).toMatch(/exchange check:\n {4}\S|cases:\n {4}\S|oracles:\n {4}\S/);
  });

  it("refuses an unknown rule, naming where to look", () => {
    expect(() => explainRule("no-such-rule")).toThrow(
      /unknown rule or input class "no-such-rule"; --list-rules .* specs\/input-domain.json/,
    );
  });

  it("explains a class of the input domain: what it must get, and what sends it", () => {
    const text = explainRule("name-30-end-4");
    expect(text).toMatch(/must get: accepted \(MUST\), judged by name-30-bytes/);
    expect(text).toMatch(/cases built to send it:\n {4}name-domain/);
    expect(text).toMatch(
      /generators that draw it:\n {4}src\/generate\/name-classes.ts: property-valid, stateful/,
    );
  });
});
