import { CASES } from "../cases/index.js";
import { CHECKS } from "../judge/checks/index.js";
import { EFFECTS_ORACLE } from "../judge/probe/effects.js";
import type { CaseRecord, RuleResult, Tally } from "../judge/verdict/tally.js";
import { cut, escapeMarkup } from "./escape.js";

/** XML 1.0 cannot carry most control characters, even escaped: drop them. */
function dropControls(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) out += ch;
  }
  return out;
}

const esc = (s: string): string => escapeMarkup(dropControls(s));
const clip = (s: string, n = 2000): string => cut(s, n, "; see conformance.json");

/** The testcase that folds every exchange check's judgements made outside the cases that name the rule. */
export const EVERY_ANSWER = "every group_add answer";
export const EVERY_CALL = "every call's effect";
const CHECK_IDS = new Set(CHECKS.map((c) => c.id));

/**
 * The stable set of testcases: for each rule, one per case that names it, plus one for the answers
 * an exchange check judges wherever they come from. The same in every run, so a dashboard never
 * sees tests vanish; what a run did not reach is <skipped>.
 */
export function testcasesOf(ruleId: string): string[] {
  const cases = CASES.filter((c) => c.rules.includes(ruleId)).map((c) => c.id);
  if (CHECK_IDS.has(ruleId)) return [...cases, EVERY_ANSWER];
  // A rule only the whole-effect oracle judges is judged after every call, in whichever case.
  return cases.length === 0 && (EFFECTS_ORACLE.rules as readonly string[]).includes(ruleId)
    ? [EVERY_CALL]
    : cases;
}

function fold(records: CaseRecord[]): CaseRecord {
  return records.reduce(
    (a, r) => ({
      passes: a.passes + r.passes,
      failures: [...a.failures, ...r.failures].slice(0, 5),
      failureCount: a.failureCount + r.failureCount,
      observations: [...a.observations, ...r.observations].slice(0, 5),
      skips: [...a.skips, ...r.skips],
      errors: [...a.errors, ...r.errors],
    }),
    { passes: 0, failures: [], failureCount: 0, observations: [], skips: [], errors: [] },
  );
}

/** What each stable testcase holds in this run: its own case's record, strays folded into EVERY_ANSWER. */
export function recordsOf(r: RuleResult): Map<string, CaseRecord | undefined> {
  const names = r.testcases ?? testcasesOf(r.rule.id);
  const out = new Map<string, CaseRecord | undefined>(names.map((n) => [n, r.byCase.get(n)]));
  const strays = [...r.byCase].filter(([caseId]) => !names.includes(caseId)).map(([, rec]) => rec);
  if (strays.length) {
    const key = names.includes(EVERY_ANSWER) ? EVERY_ANSWER : (names[0] ?? EVERY_CALL);
    const here = out.get(key);
    out.set(key, fold(here ? [here, ...strays] : strays));
  }
  return out;
}

/**
 * A case's time counts once, on the testcase of the rule the case is built for (its first rule), so
 * the testcase times add up to the time the cases took, and the suite times (each the sum of its
 * testcases) add up to no more than the run (issue 22: every suite said the whole run, 467 s for a
 * 9.9 s run). The other rules a case judges on the way, and the exchange checks of every answer,
 * cost no time of their own.
 */
const PRIMARY = new Map(CASES.map((c) => [c.id, c.rules[0]]));
const secondsOf = (t: Tally, ruleId: string, caseId: string): number =>
  PRIMARY.get(caseId) === ruleId ? (t.caseMs.get(caseId) ?? 0) / 1000 : 0;

function body(
  r: RuleResult,
  c: CaseRecord | undefined,
  notRun: string,
): { xml: string; kind?: "failure" | "error" | "skipped" } {
  if (!c) return { xml: `<skipped message="${esc(notRun)}"/>`, kind: "skipped" };
  if (c.failureCount > 0 && r.rule.level === "MUST") {
    const msg = c.failures.map((f) => clip(f.message, 500)).join("\n");
    return {
      xml: `<failure type="MUST" message="${esc(clip(c.failures[0]?.message ?? "", 500))}">${esc(`${msg}\nsource: ${r.rule.source}\nclause: ${r.rule.clause}`)}</failure>`,
      kind: "failure",
    };
  }
  if (c.errors.length > 0 && c.passes === 0 && c.failureCount === 0)
    return { xml: `<error message="${esc(clip(c.errors[0] ?? "", 500))}"/>`, kind: "error" };
  if (c.failureCount > 0)
    return {
      xml: `<system-out>${esc(`WARNING (SHOULD): ${c.failures.map((f) => clip(f.message, 500)).join("\n")}`)}</system-out>`,
    };
  if (c.observations.length > 0)
    return {
      xml: `<system-out>${esc(`observed: ${c.observations.map((o) => clip(o.value, 300)).join(" | ")}`)}</system-out>`,
    };
  if (c.passes === 0)
    return { xml: `<skipped message="${esc(clip(c.skips[0] ?? "not judged", 500))}"/>`, kind: "skipped" };
  return { xml: "" };
}

/**
 * junit.xml, valid against the Jenkins xUnit JUnit schema (schemas/junit/junit-10.xsd): a
 * <testsuite> per rule, a stable <testcase> per rule and case, times counted once (secondsOf). Only
 * MUST violations are <failure>s; a SHOULD violation passes with a WARNING in system-out; OPEN rules
 * pass with what was observed; what was not run is <skipped>; what could not be judged is <error>.
 * An incomplete run says so in the name of <testsuites> and in a property of every suite.
 */
export function renderJunit(t: Tally): string {
  const results = t.results();
  const totals = { tests: 0, failures: 0, errors: 0 };
  const suites: string[] = [];
  const incomplete = t.incomplete
    ? `incomplete${t.interrupted ? `: interrupted by ${t.interrupted}` : ""}`
    : "";
  const ran = new Set(t.caseMs.keys());
  for (const r of results) {
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const cases: string[] = [];
    let seconds = 0;
    for (const [caseId, c] of recordsOf(r)) {
      counts.tests += 1;
      const notRun =
        ran.has(caseId) || caseId === EVERY_ANSWER
          ? "nothing reached this rule here in this run"
          : `case ${caseId} was not run in this run${incomplete ? ` (${incomplete})` : ""}`;
      const b = body(r, c, notRun);
      if (b.kind === "failure") counts.failures += 1;
      if (b.kind === "error") counts.errors += 1;
      if (b.kind === "skipped") counts.skipped += 1;
      const time = secondsOf(t, r.rule.id, caseId).toFixed(3);
      seconds += Number(time);
      cases.push(
        `    <testcase classname="${esc(`${r.rule.level}.${r.rule.id}`)}" name="${esc(`${r.rule.id} [${caseId}]`)}" time="${time}">${b.xml}</testcase>`,
      );
    }
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    const props = [
      ["level", r.rule.level],
      ["verdict", r.status],
      ["generated-cases", String(t.generated.get(r.rule.id) ?? 0)],
      ["source", r.rule.source],
      ...(incomplete ? [["incomplete", "true"]] : []),
    ];
    suites.push(
      `  <testsuite name="${esc(r.rule.id)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${seconds.toFixed(3)}">`,
      `    <properties>${props.map(([n, v]) => `<property name="${n}" value="${esc(v ?? "")}"/>`).join("")}</properties>`,
      ...cases,
      "  </testsuite>",
    );
  }
  const name = `tim group_add conformance${incomplete ? ` (${incomplete})` : ""}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${esc(name)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" time="${(t.ms / 1000).toFixed(3)}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
