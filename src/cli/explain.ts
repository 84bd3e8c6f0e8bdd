import { CONDITIONS } from "../cases/auth.js";
import { CASES } from "../cases/index.js";
import { CLASSES, classById, DOMAIN, isClass } from "../core/contract/domain.js";
import { SuiteError } from "../core/kernel/errors.js";
import { RULES } from "../core/rules/catalogue.js";
import { FAULTS } from "../emulator/faults/index.js";
import { MUTATIONS } from "../generate/mutations/index.js";
import { NAME_CLASSES } from "../generate/name-classes.js";
import { CHECKS } from "../judge/checks/index.js";
import { EFFECTS_ORACLE } from "../judge/probe/effects.js";

const list = (xs: readonly string[]): string => (xs.length ? xs.map((x) => `\n    ${x}`).join("") : " none");

/**
 * `--explain RULE`: what the catalogue says of a rule and everything in the code that judges or
 * proves it, read from the registries themselves (checks, cases, conditions, mutations, faults),
 * so the answer cannot fall behind the code.
 */
export function explainRule(id: string): string {
  const rule = RULES.find((r) => r.id === id);
  if (!rule && isClass(id)) return explainClass(id);
  if (!rule)
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `--explain: unknown rule or input class "${id}"; --list-rules lists the ${RULES.length} rules, specs/input-domain.json the ${CLASSES.length} classes`,
    );
  const check = CHECKS.find((c) => c.id === id);
  const checks = check
    ? [`${check.id} (src/judge/checks/${check.id}.ts), on every ${check.commands.join(", ")} answer`]
    : [];
  const cases = CASES.filter((c) => c.rules.includes(id)).map((c) => `${c.id}: ${c.title}`);
  const oracles = (EFFECTS_ORACLE.rules as readonly string[]).includes(id)
    ? [`${EFFECTS_ORACLE.id}: ${EFFECTS_ORACLE.title}`]
    : [];
  const conditions = CONDITIONS.conditions
    .filter((c) => c.rule === id)
    .map(
      (c) =>
        `${c.id}: ${c.condition}${c.code ? ` (${c.code})` : ""}; probed by ${c.request ? "the auth case, with every body" : (c.probes ?? []).join(", ") || "nothing yet"}`,
    );
  const classes = CLASSES.filter((c) => c.rule === id).map(
    (c) => `${c.id} (${c.field}, ${c.expect}): ${c.title}`,
  );
  const mutations = MUTATIONS.filter((m) => m.breaks.includes(id)).map((m) => `${m.id}: ${m.title}`);
  const faults = FAULTS.filter((f) => f.breaks.includes(id)).map((f) => `${f.id}: ${f.title}`);
  // The proof tests are parameterised by these registries: their names follow from them.
  const tests = [
    ...(check?.judge ? [`src/judge/checks/checks.test.ts › ${id} fails on its example`] : []),
    ...(check?.observe
      ? ["src/judge/checks/checks.test.ts › every OPEN check reports two different answers differently"]
      : []),
    ...(rule.level === "OPEN"
      ? [
          "src/proof/faults.int.test.ts › sees every OPEN behaviour answered differently by at least two services (base and variants)",
        ]
      : []),
    ...faults.map(
      (f) =>
        `src/proof/faults.int.test.ts › catches fault ${f.split(":")[0]}, breaking exactly the rules it declares`,
    ),
    ...mutations.map(
      (m) =>
        `src/generate/generators.test.ts › ${m.split(":")[0]} yields requests that are invalid and break only the catalogue rules it declares`,
    ),
  ];
  const verdict =
    rule.level === "MUST"
      ? "a violation fails the run (exit 1)"
      : rule.level === "SHOULD"
        ? "a violation is a warning; it never fails the run"
        : "observed and reported, never judged";
  return `${[
    `${rule.id} (${rule.level}: ${verdict})`,
    `  ${rule.title}`,
    `  clause: ${rule.clause}`,
    `  source: ${rule.source}`,
    `  exchange check:${list(checks)}`,
    `  cases:${list(cases)}`,
    ...(oracles.length ? [`  oracles:${list(oracles)}`] : []),
    ...(conditions.length ? [`  conditions (specs/conditions.json):${list(conditions)}`] : []),
    ...(classes.length ? [`  input classes judged by it (specs/input-domain.json):${list(classes)}`] : []),
    `  mutations (property-invalid):${list(mutations)}`,
    `  emulator faults that break it:${list(faults)}`,
    `  tests that prove it:${list(tests)}`,
  ].join("\n")}\n`;
}

const EXPECT: Record<string, string> = {
  valid: "accepted (MUST)",
  "valid-should": "accepted (SHOULD: a warning if refused)",
  open: "accepted or refused (OPEN: observed); what is accepted is still judged",
  invalid: "refused (MUST)",
  "invalid-should": "refused (SHOULD: a warning if accepted)",
};

/**
 * `--explain CLASS`: one class of the documented input domain, where its field is documented,
 * what a request of it must get and under which rule, and what sends it: the cases built for it
 * and the generators that draw it. How often a run sent it is in that run's conformance.json.
 */
export function explainClass(id: string): string {
  const c = classById(id);
  const field = DOMAIN.find((f) => f.id === c.field);
  const cases = CASES.filter((k) => k.covers?.includes(id)).map((k) => `${k.id}: ${k.title}`);
  // Which generated phases draw it: valid names by property-valid and stateful, names a filter
  // might refuse or whose fate is open by property-valid, over-limit names by property-invalid.
  const drawnBy = !(id in NAME_CLASSES)
    ? []
    : c.expect === "valid"
      ? ["property-valid", "stateful"]
      : c.expect.startsWith("invalid")
        ? [`property-invalid (mutation ${id === "name-empty" ? "empty-name" : "name-over-30-bytes"})`]
        : ["property-valid"];
  const generators = drawnBy.length ? [`src/generate/name-classes.ts: ${drawnBy.join(", ")}`] : [];
  return `${[
    `${c.id} (input class of ${c.field})`,
    `  ${c.title}`,
    `  must get: ${EXPECT[c.expect] ?? c.expect}, judged by ${c.rule}`,
    `  why: ${c.why}`,
    ...(field ? [`  field: ${field.domain}`, `  clause: ${field.clause}`, `  source: ${field.source}`] : []),
    `  cases built to send it:${list(cases)}`,
    `  generators that draw it:${list(generators)}`,
    "  how often a run sent it, and which rules judged the answers: conformance.json, coverage",
  ].join("\n")}\n`;
}
