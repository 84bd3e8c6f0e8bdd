import { classify } from "../../core/contract/classify.js";
import { type Expectation, expectationOf } from "../../core/contract/domain.js";
import type { CaseContext } from "../../judge/probe/context.js";
import { outcomeOf } from "../../judge/probe/context.js";
import type { Observed } from "./exchange.js";

/**
 * The input-domain classes (specs/input-domain.json) a group_add request shows by itself. With no
 * knowledge of the service's accounts every From_Account classifies as from-unknown, which only
 * the suite, owning its accounts, can know: left out. What remains is the request's own shape
 * (a body that is no JSON object, 33 names, a 31-byte name, 1001 accounts, a wrong type, …).
 */
export function intrinsicClasses(o: Observed): string[] {
  const r = { command: o.command, query: o.query, headers: o.headers, body: o.request.body };
  return classify(r, {}).filter((c) => c !== "from-unknown");
}

const invalid = (e: Expectation): boolean => e === "invalid" || e === "invalid-should";
const MALFORMED = ["body-empty", "body-not-json", "body-not-object"];

/**
 * Judges a group_add answer by what its request's own classes say it must get: a request the docs
 * forbid must be refused (the refusal half of names-per-request-32, name-30-bytes,
 * friends-per-request-1000, name-empty-rejected, required-fields, field-types,
 * malformed-body-rejected and, for an empty From_Account, unknown-from-account); an OPEN class is
 * reported with what the service did. A valid request is not judged here: whether it had to be
 * accepted depends on the account (does it exist, has it room), which the suite's own calls
 * establish and traffic does not (valid-request-accepted is reported not judged).
 */
export function judgeByOwnClasses(t: CaseContext, o: Observed, classes: readonly string[]): boolean {
  const { expect, rule } = expectationOf(classes);
  if (invalid(expect)) {
    const why = classes.filter((c) => invalid(expectationOf([c]).expect));
    const refused = t.expectRefused(rule, o.ex, `a request the docs do not allow (${why.join(", ")})`);
    if (refused && classes.includes("names-33")) t.observe("open-too-many-names-code", outcomeOf(o.ex), o.ex);
    if (refused && classes.some((c) => MALFORMED.includes(c)))
      t.observe("open-malformed-json-code", outcomeOf(o.ex), o.ex);
    return true;
  }
  // Each OPEN class under its own rule: a request with "To_Account": null and a name twice answers two questions.
  const open = new Map<string, string[]>();
  for (const c of classes) {
    const e = expectationOf([c]);
    if (e.expect === "open") open.set(e.rule, [...(open.get(e.rule) ?? []), c]);
  }
  for (const [r, cs] of open) t.observe(r, `${cs.join(", ")}: ${outcomeOf(o.ex)}`, o.ex);
  return false;
}
