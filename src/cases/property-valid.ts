import { nameClasses } from "../core/contract/classify-names.js";
import { classById, expectationOf } from "../core/contract/domain.js";
import { answerKind, type Exchange } from "../core/kernel/exchange.js";
import type { GroupAddBody } from "../generate/payload.js";
import { validPayload } from "../generate/payload.js";
import { judgeByDomain } from "../judge/oracles/domain.js";
import { judgeItems, judgeMembers, type Relation } from "../judge/oracles/judging.js";
import { clearGroups, deleteGroups, groupsOf } from "../judge/probe/calls.js";
import { type CaseContext, classesOf } from "../judge/probe/context.js";
import type { Case } from "./case.js";
import { runParts } from "./properties/parts.js";
import { checkProperty } from "./properties/property.js";
import { leaseSubject } from "./properties/subject.js";

const describe = (v: GroupAddBody): string =>
  `GroupName ${JSON.stringify(v.GroupName)}${v.To_Account ? `, To_Account of ${v.To_Account.length}: ${JSON.stringify(v.To_Account.slice(0, 6))}` : ""}`;

/** A name of valid classes only: one the docs allow outright. */
const plain = (n: string): boolean => nameClasses(n).every((c) => classById(c).expect === "valid");

/**
 * A refused payload holding names a filter might refuse (or whose fate is open) could have been
 * refused for something else. The same request with those names made plain tells: refused again,
 * the request itself was refused (valid-request-accepted); accepted, the unusual names were the
 * reason, and they are judged by their classes (a warning, or an observation).
 */
async function askBeforeBlaming(p: CaseContext, v: GroupAddBody, ex: Exchange, what: string): Promise<void> {
  const control = { ...v, GroupName: v.GroupName.map((n, k) => (plain(n) ? n : `plainq${k}zq`)) };
  const c = await p.call("group_add", control);
  if (p.expectAccepted("valid-request-accepted", c, `${what}, its unusual names made plain`))
    judgeByDomain(p, ex, what);
}

// Valid requests (https://cloud.tencent.com/document/product/269/10107 request table: 1-32 new names of 1-30 bytes, ≤1000 To_Account) on a user
// with no groups are accepted, stored verbatim, and place exactly the friends: every item judged
// against what is known of its account, every new group's members checked both ways.
export const propertyValid = {
  id: "property-valid",
  title:
    "Generated valid payloads: any script within 30 bytes, 1-32 names, 0-1000 friends/non-friends/unknowns",
  rules: [
    "valid-request-accepted",
    "unusual-inputs-accepted",
    "open-name-edges",
    "group-add-creates-groups",
    "group-add-places-friends",
    "not-friend-fails-item",
  ],
  parts: { size: 50, runs: "valid" },
  async run({ t: caseT, pool, gen }) {
    await runParts(caseT, gen, pool, async ({ t, leaser, settings }) => {
      const subject = await leaseSubject(t, leaser, 3, 2);
      const relation = new Map<string, Relation>([
        ...subject.relations.friends.map((a) => [a, "friend"] as const),
        ...subject.relations.strangers.map((a) => [a, "stranger"] as const),
      ]);
      const relationOf = (a: string): Relation => relation.get(a) ?? "unknown";
      let dirty = false;
      await checkProperty({
        t,
        arbitrary: validPayload({ from: subject.user, relations: subject.relations }),
        settings,
        describe,
        async judge(p, v) {
          if (dirty) await clearGroups(p, subject.user);
          dirty = true;
          const ex = await p.call("group_add", v);
          const what = `generated group_add (${v.GroupName.length} names)`;
          // Judged by what its classes must get (specs/input-domain.json): valid payloads are
          // accepted (MUST); names a filter might refuse warn (SHOULD); open ones are observed.
          if (answerKind(ex) !== "accepted" && expectationOf(classesOf(ex)).expect !== "valid") {
            await askBeforeBlaming(p, v, ex, what);
            return;
          }
          judgeByDomain(p, ex, what);
          if (answerKind(ex) !== "accepted") return;
          const to = v.To_Account ?? [];
          judgeItems(p, ex, to, relationOf);
          const view = await groupsOf(p, subject.user);
          const lost = v.GroupName.filter((n) => !view.names.includes(n));
          p.expect(
            "group-add-creates-groups",
            lost.length === 0,
            lost.length ? `group_get lacks ${JSON.stringify(lost)}` : "every name stored verbatim",
            ex,
            () => ({
              instancePath: "/ResultItem (group_get)",
              expected: `includes ${JSON.stringify(lost)}`,
              actual: JSON.stringify(view.names),
            }),
          );
          judgeMembers(p, view, v.GroupName, [...new Set(to.filter((a) => relationOf(a) === "friend"))], ex);
          // The view was just read: delete from it rather than ask group_get again.
          await deleteGroups(p, subject.user, view.names);
          dirty = false;
        },
      });
    });
  },
} satisfies Case;
