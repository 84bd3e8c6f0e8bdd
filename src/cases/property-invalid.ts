import fc from "fast-check";
import { succeeded } from "../core/kernel/exchange.js";
import type { Mutated, MutationEnv } from "../generate/mutation.js";
import { MUTATIONS } from "../generate/mutations/index.js";
import { validPayload } from "../generate/payload.js";
import { stillInvalid } from "../generate/still-invalid.js";
import { clearGroups } from "../judge/probe/calls.js";
import type { Case } from "./case.js";
import { runParts } from "./properties/parts.js";
import { checkProperty } from "./properties/property.js";
import { leaseSubject } from "./properties/subject.js";

const describe = (m: Mutated): string => {
  const sent =
    m.raw !== undefined
      ? `raw body ${JSON.stringify(m.raw.slice(0, 160))}`
      : `body ${JSON.stringify(m.body).slice(0, 160)}`;
  return `${m.mutation} (${m.what}); ${sent}${m.query ? `; query ${JSON.stringify(m.query).replace(/"usersig":"[^"]*"/, '"usersig":"…"')}` : ""}`;
};

// A valid payload plus exactly one defect; each defect names the rule it breaks and expects a
// refusal (HTTP 200, FAIL envelope).
export const propertyInvalid = {
  id: "property-invalid",
  title: "Generated invalid requests: a valid payload plus exactly one named defect",
  rules: [
    ...new Set([
      "required-fields",
      "field-types",
      "names-per-request-32",
      "name-30-bytes",
      "name-bytes-not-chars",
      "friends-per-request-1000",
      "name-empty-rejected",
      "unknown-from-account",
      "malformed-body-rejected",
      "auth-sdkappid",
      "auth-usersig",
      "auth-admin-only",
    ]),
  ],
  parts: { size: 50, runs: "invalid" },
  async run({ t: caseT, pool, gen, sig, adminSig }) {
    await runParts(caseT, gen, pool, async ({ t, leaser, settings }) => {
      const subject = await leaseSubject(t, leaser, 2, 1);
      const otherUser = subject.relations.strangers[0] ?? subject.user;
      const env: MutationEnv = { relations: subject.relations, adminSig, sig, otherUser };
      const usable = MUTATIONS.filter((m) => sig || !m.needsKey);
      const normal = t.normalQuery();
      const arbitrary = fc
        .constantFrom(...usable)
        .chain((m) =>
          validPayload({ from: subject.user, relations: subject.relations, maxFriends: 20 }).chain((v) =>
            m.mutate(v, env),
          ),
        );
      let dirty = false;
      await checkProperty({
        t,
        arbitrary,
        settings,
        describe,
        async judge(p, m) {
          fc.pre(stillInvalid(m, normal));
          if (dirty) await clearGroups(p, subject.user);
          const ex = await p.call("group_add", m.body, {
            ...(m.raw !== undefined ? { rawBody: m.raw } : {}),
            ...(m.query ? { query: m.query } : {}),
          });
          p.expectRefused(m.rule, ex, `${m.mutation}: ${m.what}`);
          dirty = succeeded(ex);
        },
      });
    });
  },
} satisfies Case;
