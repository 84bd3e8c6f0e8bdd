import { NAME_CLASSES, nameOfClass } from "../generate/name-classes.js";
import { judgeByDomain } from "../judge/oracles/domain.js";
import { groupAdd } from "../judge/oracles/judging.js";
import { befriend, clearGroups } from "../judge/probe/calls.js";
import type { Case } from "./case.js";

/** A name and its look-alike: the same text under another letter case, accents or normalisation form. */
const PAIRS: Array<[string, (k: number) => [string, string]]> = [
  ["letter case", (k) => [`Case${k}`, `cASE${k}`]],
  ["accents", (k) => [`cafe${k}`, `café${k}`]],
  ["normalisation forms (NFC and NFD)", (k) => [`é${k}`, `e\u0301${k}`]],
  ["normalisation forms (NFKC)", (k) => [`full${k}`, `ｆｕｌｌ${k}`]],
];

// Issue 20: the documented name domain covered on purpose (specs/input-domain.json, field
// group_add/GroupName/*). One request per class, judged by what its classes must get; every
// answer's effect is read back before the next call (names stored exactly as sent, nothing else).
export const nameDomain = {
  id: "name-domain",
  title:
    "Every class of the name domain: each UTF-8 width at the 30-byte edge and split across it, punctuation, markup, whitespace, marks, normalisation forms, look-alike pairs",
  covers: [
    ...Object.keys(NAME_CLASSES),
    "names-case-pair",
    "names-accent-pair",
    "names-normalisation-pair",
    "names-existing-mixed",
  ],
  rules: [
    "valid-request-accepted",
    "name-30-bytes",
    "name-bytes-not-chars",
    "name-empty-rejected",
    "unusual-inputs-accepted",
    "open-name-edges",
    "open-existing-name",
    "group-add-creates-groups",
    "group-add-places-friends",
  ],
  async run({ t, pool, gen }) {
    const [u, f] = [pool.lease(), pool.lease()];
    // A friend joins every group, so each name is also read back from the friend's side
    // (friend_get_list's Tag_SNS_IM_Group), where names travel inside a list.
    await befriend(t, u, [f]);
    let held = 0;
    let k = 0;
    const send = async (names: string[], what: string, to: string[] | null = [f]) => {
      // Room for the next names: the cap is group-cap's rule, not this case's.
      if (held + names.length > 24) {
        await clearGroups(t, u);
        held = 0;
      }
      const ex = await groupAdd(t, u, names, to ?? undefined);
      judgeByDomain(t, ex, what);
      held += names.length;
      return ex;
    };
    for (const id of Object.keys(NAME_CLASSES)) {
      const name = nameOfClass(id, gen.seed + k++);
      await send([name], `a name of class ${id} (${JSON.stringify(name)})`);
    }
    for (const [what, pair] of PAIRS) {
      const [a, b] = pair(++k);
      await send([a, b], `two names differing only in ${what} in one request`);
      const [c, d] = pair(++k);
      await send([c], `a name, before its look-alike`);
      await send([d], `a name differing only in ${what} from one the user has`);
    }
    // Names the user has with new ones: whether the new ones are added is open; what is added must be right.
    await clearGroups(t, u);
    held = 0;
    // The held one first without the friend, then in the middle of new ones with it: an accepted
    // call leaves it as it was (the friend joins the new groups only); a refused one adds nothing.
    await send([`mix${++k}`], "a name, to hold", null);
    await send([`mix${k}b`, `mix${k}`, `mix${k}c`], "names the user has together with new ones");
  },
} satisfies Case;
