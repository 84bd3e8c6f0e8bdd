import { describe, expect, it } from "vitest";
import { type Command, validate } from "../core/contract/schemas.js";
import type { RunEvent } from "../core/kernel/events.js";
import { RULES, ruleById } from "../core/rules/catalogue.js";
import { FAULTS } from "../emulator/faults/index.js";
import { VARIANTS } from "../emulator/variants.js";
import { runTally, statusOf } from "./support/harness.js";

// Principle 3: every check passes on the clean emulator and fails on at least one deliberate fault.
describe("the suite against the reference emulator", () => {
  it("judges the clean emulator conformant: every MUST and SHOULD rule passes, every OPEN rule is observed", async () => {
    const t = await runTally({});
    const s = statusOf(t);
    for (const r of RULES) expect([r.id, s[r.id]]).toEqual([r.id, r.level === "OPEN" ? "observed" : "pass"]);
    expect(t.exitCode()).toBe(0);
    expect(t.caseErrors).toEqual([]);
  });

  it("gets from the clean emulator only answers that match schemas/ for their endpoint", async () => {
    const events: RunEvent[] = [];
    await runTally({}, events);
    const exchanges = events.flatMap((e) => (e.type === "exchange" ? [e.exchange] : []));
    expect(exchanges.length).toBeGreaterThan(100);
    for (const ex of exchanges) {
      expect([
        ex.command,
        ex.request.body.slice(0, 60),
        validate(ex.command as Command, "response", ex.json),
      ]).toEqual([ex.command, ex.request.body.slice(0, 60), []]);
    }
  });

  it.each(FAULTS.map((f) => [f.id, f] as const))(
    "catches fault %s, breaking exactly the rules it declares",
    async (_id, fault) => {
      const t = await runTally({ faults: [fault.id], ...(fault.onlyGenerationFinds ? { runs: "300" } : {}) });
      const s = statusOf(t);
      for (const rule of fault.breaks) {
        const want = ruleById(rule).level === "MUST" ? "fail" : "warn";
        expect([rule, s[rule]]).toEqual([rule, want]);
      }
      // Exact proof: nothing else fails, warns or errs (a fault that breaks more than it says hides a cascade).
      const broken = Object.entries(s)
        .filter(([, v]) => v === "fail" || v === "warn" || v === "error")
        .map(([k]) => k)
        .sort();
      expect(broken).toEqual([...fault.breaks].sort());
      const mustBroken = fault.breaks.some((r) => ruleById(r).level === "MUST");
      expect(t.exitCode()).toBe(mustBroken ? 1 : 0);
      // Findings as data: every failure says where (a JSON pointer), what was expected and what came.
      const bare = t
        .results()
        .flatMap((r) => [...r.byCase.values()].flatMap((c) => c.failures))
        .filter((f) => f.instancePath === undefined || !f.expected || f.actual === undefined)
        .map((f) => `${f.rule} in ${f.caseId}: ${f.message.slice(0, 80)}`);
      expect(bare).toEqual([]);
    },
  );

  it("does not blame the 1000-friend limit on a target that refuses unknown accounts outright", async () => {
    const t = await runTally({ faults: ["unknown-to-account-refused"], cases: ["friends-per-request"] });
    const r = t.results().find((x) => x.rule.id === "friends-per-request-1000");
    expect(r?.status).toBe("not-judged");
    expect([...(r?.byCase.values() ?? [])].flatMap((c) => c.skips)[0]).toMatch(
      /refuses any unknown To_Account/,
    );
  });

  it("has a fault proving every MUST and SHOULD rule", () => {
    const proven = new Set(FAULTS.flatMap((f) => f.breaks));
    const unproven = RULES.filter((r) => r.level !== "OPEN" && !proven.has(r.id)).map((r) => r.id);
    expect(unproven).toEqual([]);
  });

  it.each(VARIANTS.map((v) => [v.id] as const))(
    "passes variant %s, a service that answers open questions differently",
    async (id) => {
      const t = await runTally({ variants: [id] });
      expect(t.exitCode()).toBe(0);
      expect(t.counts().fail + t.counts().warn).toBe(0);
    },
  );

  it("sees every OPEN behaviour answered differently by at least two services (base and variants)", async () => {
    const observedBy = async (variants: string[]) => {
      const t = await runTally({ variants });
      return new Map(
        t
          .results()
          .filter((r) => r.rule.level === "OPEN")
          .map((r) => [
            r.rule.id,
            [...r.byCase.values()].flatMap((c) => c.observations.map((o) => o.value)).join(" | "),
          ]),
      );
    };
    const services = await Promise.all([[], ...VARIANTS.map((v) => [v.id])].map(observedBy));
    for (const r of RULES.filter((x) => x.level === "OPEN")) {
      const answers = new Set(services.map((m) => m.get(r.id)));
      expect([r.id, answers.size >= 2, [...answers].every((a) => a !== "")]).toEqual([r.id, true, true]);
    }
  });

  it("reports what each variant chose for the open behaviours", async () => {
    const observed = async (variants: string[]) => {
      const t = await runTally({ variants });
      return Object.fromEntries(
        t
          .results()
          .filter((r) => r.rule.level === "OPEN")
          .map((r) => [
            r.rule.id,
            [...new Set([...r.byCase.values()].flatMap((c) => c.observations.map((o) => o.value)))].join(
              " | ",
            ),
          ]),
      );
    };
    const base = await observed([]);
    const live = await observed(["live-2020"]);
    expect(base["open-not-friend-code"]).toMatch(/^32216/);
    expect(live["open-not-friend-code"]).toMatch(/^30001/);
    expect(live["open-success-error-info"]).toBe('ErrorInfo "0"');
    expect(live["open-extra-fields"]).toContain("RequestId");
    expect(live["open-result-item-order"]).toBe("reverse order");
    expect(live["open-response-content-type"]).toBe("(none)");
    expect(live["open-to-account-null"]).toMatch(/refused/);
    const lenient = await observed(["lenient-names"]);
    expect(base["open-existing-name"]).toMatch(/^refused 30001/);
    expect(lenient["open-existing-name"]).toMatch(/^accepted; group_get then lists "dup" 1×/);
    expect(lenient["open-duplicate-in-request"]).toMatch(/^accepted; group_get then lists "twin" 1×/);
  });
});
