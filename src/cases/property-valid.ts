import { clearGroups, deleteGroups, groupsOf } from "../fixtures/pool.js";
import type { GroupAddBody } from "../generators/payload.js";
import { validPayload } from "../generators/payload.js";
import { checkProperty } from "../properties/property.js";
import { leaseSubject } from "../properties/subject.js";
import { bodyOf } from "../transport/exchange.js";
import type { Case } from "./case.js";

const describe = (v: GroupAddBody): string =>
  `GroupName ${JSON.stringify(v.GroupName)}${v.To_Account ? `, To_Account of ${v.To_Account.length}: ${JSON.stringify(v.To_Account.slice(0, 6))}` : ""}`;

// Valid requests (seed request table: 1-32 new names of 1-30 bytes, ≤1000 To_Account) on a user
// with no groups are accepted, stored verbatim, and place exactly the friends.
export default {
  id: "property-valid",
  title:
    "Generated valid payloads: any script within 30 bytes, 1-32 names, 0-1000 friends/non-friends/unknowns",
  rules: [
    "valid-request-accepted",
    "group-add-creates-groups",
    "group-add-places-friends",
    "not-friend-fails-item",
  ],
  async run({ t, pool, gen }) {
    const subject = await leaseSubject(t, pool, 3, 2);
    const friends = new Set(subject.relations.friends);
    let dirty = false;
    await checkProperty({
      t,
      arbitrary: validPayload({ from: subject.user, relations: subject.relations }),
      settings: { seed: gen.seed, runs: gen.runs.valid, ...(gen.path ? { path: gen.path } : {}) },
      describe,
      async judge(p, v) {
        if (dirty) await clearGroups(p, subject.user);
        dirty = true;
        const ex = await p.call("group_add", v);
        if (!p.expectAccepted("valid-request-accepted", ex, `valid group_add (${v.GroupName.length} names)`))
          return;
        const items = (bodyOf(ex)?.ResultItem as Array<Record<string, unknown>> | undefined) ?? [];
        const codes = new Map(items.map((i) => [i.To_Account, i.ResultCode]));
        for (const acc of v.To_Account ?? []) {
          const code = codes.get(acc);
          if (friends.has(acc))
            p.expect(
              "group-add-places-friends",
              code === 0,
              `friend ${acc}: ResultCode ${JSON.stringify(code)}`,
              ex,
            );
          else
            p.expect(
              "not-friend-fails-item",
              typeof code === "number" && code !== 0,
              `non-friend ${acc}: ResultCode ${JSON.stringify(code)}`,
              ex,
            );
        }
        const view = await groupsOf(p, subject.user);
        const lost = v.GroupName.filter((n) => !view.names.includes(n));
        p.expect(
          "group-add-creates-groups",
          lost.length === 0,
          lost.length ? `group_get lacks ${JSON.stringify(lost)}` : "every name stored verbatim",
          ex,
        );
        const want = (v.To_Account ?? []).filter((a) => friends.has(a)).sort();
        for (const n of v.GroupName) {
          const got = [...(view.members.get(n) ?? [])].filter((m) => friends.has(m)).sort();
          const same = JSON.stringify(got) === JSON.stringify(want);
          p.expect(
            "group-add-places-friends",
            same,
            same
              ? `"${n}" holds the friends`
              : `"${n}" holds ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
            ex,
          );
        }
        // The view was just read: delete from it rather than ask group_get again.
        await deleteGroups(p, subject.user, view.names);
        dirty = false;
      },
    });
  },
} satisfies Case;
