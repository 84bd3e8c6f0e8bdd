import { describe, expect, it } from "vitest";
import { EXIT } from "../../core/kernel/errors.js";
import type { RunEvent } from "../../core/kernel/events.js";
import { caseOf, end, finding, start } from "../../proof/support/events.js";
import { Tally, verdictOf } from "./tally.js";

// The tally decides the exit code (principles 1, 4 and 6): only a MUST failure fails a run, a
// SHOULD failure warns, OPEN is observed, and CONFORMANT needs a valid request accepted.
const fold = (...events: RunEvent[]) => {
  const t = new Tally();
  for (const e of events) t.listen(e);
  return t;
};
const accepted = finding("valid-request-accepted", "MUST", "basic-add", "pass");
const status = (t: Tally, id: string) => t.results().find((r) => r.rule.id === id)?.status;

describe("the tally", () => {
  it("is CONFORMANT with a valid request accepted and no MUST failure", () => {
    const t = fold(start(["basic-add"]), ...caseOf("basic-add", accepted), end());
    expect([t.exitCode(), verdictOf(t.exitCode())]).toEqual([EXIT.pass, "CONFORMANT"]);
    expect(status(t, "valid-request-accepted")).toBe("pass");
    expect(status(t, "group-cap-32")).toBe("not-judged");
  });

  it("fails a run on a MUST failure, however many passes the rule had", () => {
    const cap = (o: "pass" | "fail") => finding("group-cap-32", "MUST", "group-cap", o);
    const t = fold(
      start(["group-cap"]),
      ...caseOf("group-cap", accepted, cap("pass"), cap("fail"), cap("pass")),
      end(),
    );
    expect([t.exitCode(), status(t, "group-cap-32")]).toEqual([EXIT.violation, "fail"]);
    expect(t.counts().fail).toBe(1);
  });

  it("warns on a SHOULD failure and never fails the run for it", () => {
    const t = fold(
      start(["a"]),
      ...caseOf("a", accepted, finding("error-info-on-failure", "SHOULD", "a", "fail")),
      end(),
    );
    expect([t.exitCode(), status(t, "error-info-on-failure")]).toEqual([EXIT.pass, "warn"]);
  });

  it("reports OPEN rules as observed, never judged", () => {
    const t = fold(
      start(["a"]),
      ...caseOf("a", accepted, {
        type: "observation",
        observation: { rule: "open-existing-name", caseId: "a", value: "30001" },
      }),
      end(),
    );
    expect([t.exitCode(), status(t, "open-existing-name")]).toEqual([EXIT.pass, "observed"]);
  });

  it("is NOT JUDGED without a valid request accepted, or with a case that could not be judged", () => {
    const none = fold(start(["a"]), ...caseOf("a", finding("http-200", "MUST", "a", "pass")), end());
    expect([none.exitCode(), none.unjudgedReason()]).toEqual([
      EXIT.unjudged,
      expect.stringMatching(/no valid group_add/),
    ]);
    const err = fold(
      start(["a"]),
      ...caseOf("a", accepted, {
        type: "case-error",
        caseId: "a",
        code: "TIM_ERR_TIMEOUT",
        message: "late",
        rules: ["group-cap-32"],
      }),
      end(),
    );
    expect([err.exitCode(), status(err, "group-cap-32")]).toEqual([EXIT.unjudged, "error"]);
  });

  it("says INTERRUPTED for a signal, before any verdict on the rules", () => {
    const t = fold(start(["a"]), ...caseOf("a", finding("group-cap-32", "MUST", "a", "fail")), {
      type: "run-end",
      ms: 1,
      incomplete: true,
      interrupted: "SIGINT",
    });
    expect([t.exitCode(), verdictOf(t.exitCode()), t.incomplete]).toEqual([EXIT.sigint, "INTERRUPTED", true]);
  });

  it("refuses an event naming a rule the catalogue does not hold", () => {
    expect(() => fold(finding("no-such-rule", "MUST", "a", "fail"))).toThrow(/not in the catalogue/);
  });
});
