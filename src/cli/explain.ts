import { CONDITIONS } from "../cases/auth.js";
import { CASES } from "../cases/index.js";
import { CHECKS } from "../checks/index.js";
import { FAULTS } from "../emulator/faults/index.js";
import { MUTATIONS } from "../generators/mutations/index.js";
import { SuiteError } from "../kernel/errors.js";
import { EFFECTS_ORACLE } from "../probe/effects.js";
import { RULES } from "../rules/catalogue.js";

const list = (xs: readonly string[]): string => (xs.length ? xs.map((x) => `\n    ${x}`).join("") : " none");

/**
 * `--explain RULE`: what the catalogue says of a rule and everything in the code that judges or
 * proves it, read from the registries themselves (checks, cases, conditions, mutations, faults),
 * so the answer cannot fall behind the code.
 */
export function explainRule(id: string): string {
  const rule = RULES.find((r) => r.id === id);
  if (!rule)
    throw new SuiteError(
      "TIM_ERR_CONFIG",
      `--explain: unknown rule "${id}"; --list-rules lists the ${RULES.length} rules`,
    );
  const check = CHECKS.find((c) => c.id === id);
  const checks = check
    ? [`${check.id} (src/checks/${check.id}.ts), on every ${check.commands.join(", ")} answer`]
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
  const mutations = MUTATIONS.filter((m) => m.breaks.includes(id)).map((m) => `${m.id}: ${m.title}`);
  const faults = FAULTS.filter((f) => f.breaks.includes(id)).map((f) => `${f.id}: ${f.title}`);
  // The proof tests are parameterised by these registries: their names follow from them.
  const tests = [
    ...(check?.judge ? [`src/checks/checks.test.ts › ${id} fails on its example`] : []),
    ...(check?.observe
      ? ["src/checks/checks.test.ts › every OPEN check reports two different answers differently"]
      : []),
    ...(rule.level === "OPEN"
      ? [
          "src/proof/faults.test.ts › sees every OPEN behaviour answered differently by at least two services (base and variants)",
        ]
      : []),
    ...faults.map(
      (f) =>
        `src/proof/faults.test.ts › catches fault ${f.split(":")[0]}, breaking exactly the rules it declares`,
    ),
    ...mutations.map(
      (m) =>
        `src/generators/generators.test.ts › ${m.split(":")[0]} yields requests that are invalid and break only the catalogue rules it declares`,
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
    `  mutations (property-invalid):${list(mutations)}`,
    `  emulator faults that break it:${list(faults)}`,
    `  tests that prove it:${list(tests)}`,
  ].join("\n")}\n`;
}
