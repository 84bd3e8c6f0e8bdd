import type { Listener } from "../../core/kernel/events.js";
import { rememberedVerify } from "../../core/usersig/remembered.js";
import { checkClientRequest } from "../../emulator/client/check.js";
import { CLIENT_RULES } from "../../emulator/client/rules.js";
import type { Observed } from "./exchange.js";
import { OBSERVED } from "./tally.js";

/** The app's settings the client judge compares with; each one left out leaves its rule not judged. */
export interface ClientCredentials {
  sdkappid?: number;
  identifier?: string;
  /** verifies each UserSig (TLSSigAPIv2); never written anywhere */
  secretKey?: string;
}

/** Randoms remembered for client-random-reused: the latest ones only, so a long observation stays bounded. */
class RecentSet extends Set<string> {
  constructor(private readonly max: number) {
    super();
  }
  override add(v: string): this {
    if (this.size >= this.max && !this.has(v)) {
      const oldest = this.values().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    return super.add(v);
  }
}

const LEVEL = new Map(CLIENT_RULES.map((r) => [r.id, r.level]));

/** The client rules a missing setting leaves unjudged, and why. */
export function clientRulesNotJudged(c: ClientCredentials): Array<{ rule: string; reason: string }> {
  const out: Array<{ rule: string; reason: string }> = [];
  if (c.sdkappid === undefined)
    out.push({ rule: "client-sdkappid", reason: "give TIM_SDKAPPID to judge the app's SDKAppID" });
  if (c.identifier === undefined)
    out.push({ rule: "client-identifier-admin", reason: "give TIM_IDENTIFIER to judge the App admin" });
  if (c.secretKey === undefined)
    out.push({ rule: "client-usersig-valid", reason: "give TIM_SECRET_KEY to verify UserSigs" });
  return out;
}

/**
 * The emulator's client judge (src/emulator/client/check.ts) on each request that passed: the same rules
 * and levels as `emulator --client-report`, as findings of the observation. Real clients' quirks
 * are OPEN: observed, never held against the client.
 */
export function clientJudge(c: ClientCredentials, emit: Listener): (o: Observed) => void {
  const unset = new Set(clientRulesNotJudged(c).map((n) => n.rule));
  const ctx = {
    sdkappid: c.sdkappid ?? 0,
    admin: c.identifier ?? "",
    // Without the key every UserSig fails to verify; the rule is dropped below, never reported.
    secretKey: c.secretKey ?? "",
    now: () => Math.floor(Date.now() / 1000),
    seenRandoms: new RecentSet(65_536),
    verify: rememberedVerify(),
  };
  return (o) => {
    for (const f of checkClientRequest(o.request, ctx)) {
      if (unset.has(f.rule)) continue;
      const level = LEVEL.get(f.rule) ?? "OPEN";
      if (level === "OPEN") {
        emit({
          type: "observation",
          observation: { rule: f.rule, caseId: OBSERVED, value: f.message, exchange: o.ex },
        });
        continue;
      }
      emit({
        type: "finding",
        finding: {
          rule: f.rule,
          level,
          caseId: OBSERVED,
          outcome: f.ok ? "pass" : "fail",
          message: f.ok ? f.message : `the client's request: ${f.message}`,
          exchange: o.ex,
        },
      });
    }
  };
}
