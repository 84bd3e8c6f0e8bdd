import type { Tally } from "../runner/tally.js";

/** XML 1.0 cannot carry most control characters, even escaped: drop them. */
function dropControls(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) out += ch;
  }
  return out;
}

const esc = (s: string): string =>
  dropControls(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * junit.xml: a <testsuite> per rule, a <testcase> per rule and case. Only MUST
 * violations are <failure>s; a SHOULD violation passes with a WARNING in
 * system-out; OPEN rules pass with what was observed; unjudged ones are
 * <skipped> (with the reason) or <error>s (the suite could not judge).
 */
export function renderJunit(t: Tally): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const results = t.results();
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites: string[] = [];
  for (const r of results) {
    const cases: string[] = [];
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const records = r.byCase.size ? [...r.byCase] : [["(none)", undefined] as const];
    for (const [caseId, c] of records) {
      counts.tests += 1;
      const name = `${r.rule.id} [${caseId}]`;
      let body = "";
      if (!c) {
        counts.skipped += 1;
        body = `<skipped message="no case reached this rule"/>`;
      } else if (c.failureCount > 0 && r.rule.level === "MUST") {
        counts.failures += 1;
        const msg = c.failures.map((f) => f.message).join("\n");
        body = `<failure type="MUST" message="${esc(c.failures[0]?.message ?? "")}">${esc(`${msg}\nsource: ${r.rule.source}\nclause: ${r.rule.clause}`)}</failure>`;
      } else if (c.errors.length > 0 && c.passes === 0 && c.failureCount === 0) {
        counts.errors += 1;
        body = `<error message="${esc(c.errors[0] ?? "")}"/>`;
      } else if (c.failureCount > 0) {
        body = `<system-out>${esc(`WARNING (SHOULD): ${c.failures.map((f) => f.message).join("\n")}`)}</system-out>`;
      } else if (c.observations.length > 0) {
        body = `<system-out>${esc(`observed: ${c.observations.map((o) => o.value).join(" | ")}`)}</system-out>`;
      } else if (c.passes === 0) {
        counts.skipped += 1;
        body = `<skipped message="${esc(c.skips[0] ?? "not judged")}"/>`;
      }
      cases.push(
        `    <testcase classname="${esc(`${r.rule.level}.${r.rule.id}`)}" name="${esc(name)}">${body}</testcase>`,
      );
    }
    for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += counts[k];
    suites.push(
      `  <testsuite name="${esc(r.rule.id)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}">`,
      `    <properties><property name="level" value="${r.rule.level}"/><property name="verdict" value="${r.status}"/><property name="generated-cases" value="${t.generated.get(r.rule.id) ?? 0}"/><property name="source" value="${esc(r.rule.source)}"/></properties>`,
      ...cases,
      "  </testsuite>",
    );
  }
  out.push(
    `<testsuites name="tim group_add conformance" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${(t.ms / 1000).toFixed(3)}">`,
    ...suites,
    "</testsuites>",
  );
  return `${out.join("\n")}\n`;
}
