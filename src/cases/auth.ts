import { readFileSync } from "node:fs";
import { join } from "node:path";
import { specsDir } from "../core/contract/paths.js";
import { answerKind } from "../core/kernel/exchange.js";
import { withChangedHmac } from "../core/usersig/tamper.js";
import { expectUnchanged, snapshotGroups } from "../judge/oracles/judging.js";
import { befriend, clearGroups } from "../judge/probe/calls.js";
import type { SigMinter } from "../judge/probe/credentials.js";
import type { CallOptions, QueryName } from "../judge/probe/request.js";
import type { Case, CaseEnv } from "./case.js";

const HOUR = 3600;
const SKEW = 600; // ten minutes: far beyond a sane clock difference between the suite and the target

interface SigSpec {
  identifier?: "admin" | "user" | "adminCase";
  sdkappid?: "other";
  key?: "other";
  age?: "expired" | "ending";
  expire?: number;
  tamper?: "truncate" | "hmac";
}
interface Condition {
  id: string;
  rule: string;
  condition: string;
  code?: string;
  probes?: string[];
  request?: {
    query?: Partial<Record<QueryName, string | null>>;
    rename?: Partial<Record<QueryName, string>>;
    sig?: SigSpec;
  };
  expect?: "refused" | "accepted";
}
interface ConditionsFile {
  bodies: Array<{ id: string; what: string }>;
  conditions: Condition[];
}

/** specs/conditions.json: the documented conditions and the inputs at their edges. */
export const CONDITIONS = JSON.parse(
  readFileSync(join(specsDir, "conditions.json"), "utf8"),
) as ConditionsFile;

/** The admin's id with its letters' case changed, or undefined when it has no letters to change. */
const caseSwapped = (id: string): string | undefined => {
  const s = [...id]
    .map((c, k) => (k === 0 ? (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) : c))
    .join("");
  return s === id ? undefined : s;
};

function signed(spec: SigSpec, sig: SigMinter, adminSig: string, ids: Record<string, string>): string {
  if (spec.tamper === "truncate") return adminSig.slice(0, Math.floor(adminSig.length / 2));
  const now = sig.now();
  const minted = sig.mint({
    identifier: ids[spec.identifier ?? "admin"] ?? sig.admin,
    ...(spec.sdkappid ? { sdkappid: Number(ids.otherApp) } : {}),
    ...(spec.key ? { key: "not-the-app-secret-key-0123456789abcdef" } : {}),
    ...(spec.age === "expired" ? { time: now - HOUR - SKEW, expire: HOUR } : {}),
    ...(spec.age === "ending" ? { time: now - HOUR + SKEW, expire: HOUR } : {}),
    ...(spec.expire ? { expire: spec.expire } : {}),
  });
  // All but one character of the HMAC is still the real one: the tampered copy is a secret too.
  return spec.tamper === "hmac" ? sig.secret(withChangedHmac(minted)) : minted;
}

/** The bodies every condition is combined with: an otherwise valid request, in each shape the seed allows. */
async function bodies(
  e: CaseEnv,
  u: string,
): Promise<Record<string, (k: number) => Record<string, unknown>>> {
  const to = e.declaredFixtures
    ? [e.declaredFixtures.friends[0], e.declaredFixtures.nonFriends[0], e.declaredFixtures.unknown[0]]
    : await (async () => {
        const [friend, stranger] = [e.pool.lease(), e.pool.lease()];
        await befriend(e.t, u, [friend]);
        return [friend, stranger, await e.pool.ghost(e.t)];
      })();
  return {
    plain: (k) => ({ From_Account: u, GroupName: [`auth${k}`] }),
    friends: (k) => ({ From_Account: u, GroupName: [`auth${k}`], To_Account: to.filter(Boolean) }),
    many: (k) => ({ From_Account: u, GroupName: Array.from({ length: 32 }, (_, i) => `a${k}_${i}`) }),
    cjk: (k) => ({
      From_Account: u,
      GroupName: [
        `${String(k % 1000).padStart(3, "0")}分组名称测试好友列`,
        `😀😀😀😀😀😀😀${String(k % 100).padStart(2, "0")}`,
      ],
    }),
  };
}

// REST-intro: sdkappid, identifier (必须为 App 管理员账号) and usersig authenticate every call;
// docs/sources/tencent-im-rest.md §3.5/§5.2 give the codes, which this case does not pin (the live mapping is a guess).
// Each condition of specs/conditions.json, at its edge, combined with every body shape.
export const auth = {
  id: "auth",
  title:
    "Each authentication condition at its edge (URL or inside the UserSig, letter case, expiry), with every body",
  covers: CONDITIONS.conditions.filter((c) => c.request).map((c) => `auth-${c.id}`),
  rules: [
    "auth-sdkappid",
    "auth-usersig",
    "auth-admin-only",
    "valid-request-accepted",
    "failed-call-no-change",
  ],
  groupAddOnly: true,
  async run(e) {
    const { t, pool, sig, adminSig, declared } = e;
    const u = pool.lease();
    const user = pool.lease();
    const before = await snapshotGroups(t, u, declared);
    const shapes = await bodies(e, u);
    const otherApp = sig && sig.sdkappid === 1 ? "2" : String((sig?.sdkappid ?? 1400000001) - 1);
    const ids: Record<string, string> = {
      admin: sig?.admin ?? "",
      user,
      otherApp,
      adminCase: caseSwapped(sig?.admin ?? "") ?? "",
    };
    const values: Record<string, string> = {
      $otherApp: otherApp,
      $user: user,
      $adminCase: ids.adminCase ?? "",
    };
    let k = 0;
    for (const c of CONDITIONS.conditions) {
      const r = c.request;
      if (!r) continue;
      if (r.sig && !sig) {
        t.skip(
          c.rule,
          `${c.condition}: needs TIM_SECRET_KEY to mint the UserSig; only TIM_USERSIG was given`,
        );
        continue;
      }
      if (c.expect === "accepted" && declared) {
        t.skip(
          c.rule,
          `${c.condition}: an accepted call would leave groups a group_add-only target cannot delete`,
        );
        continue;
      }
      if (
        (JSON.stringify(r).includes("adminCase") && !ids.adminCase) ||
        (JSON.stringify(r).includes("$otherApp") && !sig)
      )
        continue;
      const query: Partial<Record<QueryName, string | null>> = {};
      for (const [name, v] of Object.entries(r.query ?? {}))
        query[name as QueryName] = v === null ? null : (values[v] ?? v);
      if (r.sig && sig) query.usersig = signed(r.sig, sig, adminSig, ids);
      // The request cannot show which condition it probes (an expired signature looks like any
      // other): the class of specs/input-domain.json's group_add?auth field is declared here.
      const o: CallOptions = { query, classes: [`auth-${c.id}`], ...(r.rename ? { rename: r.rename } : {}) };
      for (const b of CONDITIONS.bodies) {
        const ex = await t.call(
          "group_add",
          (shapes[b.id] as (k: number) => Record<string, unknown>)(++k),
          o,
        );
        const what = `${c.condition} (${b.what})`;
        if (c.expect === "accepted") t.expectAccepted(c.rule, ex, what);
        else t.expectRefused(c.rule, ex, what);
        // Whatever was accepted is removed, so the next try starts from the same state.
        if (answerKind(ex) === "accepted" && !declared) await clearGroups(t, u);
      }
    }
    await expectUnchanged(t, u, before);
  },
} satisfies Case;
