import { EFFECTS_ORACLE } from "../../judge/probe/effects.js";
import { type ClientCredentials, clientRulesNotJudged } from "./client-side.js";

const CRAFTED = "needs calls the suite crafts itself";
const AUTH = `${CRAFTED}: each condition of specs/conditions.json at its edge, on the suite's own key and admin`;

/**
 * Rules observe never judges, and why: they need the suite's own calls, made on accounts whose
 * state it knows, which traffic cannot stand in for. They are reported not judged, never passed.
 * (Rules that traffic judges only in part, such as the refusal half of names-per-request-32 or
 * group-cap-32 when a group_get lists more than 32 groups, are judged where the traffic shows them;
 * docs/observe.md lists them.)
 */
export const NOT_JUDGED: ReadonlyArray<{ rule: string; reason: string }> = [
  {
    rule: "valid-request-accepted",
    reason: `${CRAFTED}: whether a refused request had to be accepted depends on the account (does it exist, has it room), which only the suite's own accounts settle`,
  },
  {
    rule: "documented-code-for-condition",
    reason: `${CRAFTED}: the condition (a full account, an unknown From_Account) must be made before the code due for it is known`,
  },
  { rule: "auth-sdkappid", reason: AUTH },
  { rule: "auth-usersig", reason: AUTH },
  { rule: "auth-admin-only", reason: AUTH },
  {
    rule: "real-client-requests-accepted",
    reason: `${CRAFTED}: a real-client-shaped request on an account known to have room`,
  },
  {
    rule: "unusual-inputs-accepted",
    reason: `${CRAFTED}: an unusual name on an account known to have room`,
  },
  { rule: "open-existing-name", reason: `${CRAFTED}: a name the account is known to hold` },
  { rule: "open-not-friend-code", reason: `${CRAFTED}: a To_Account known not to be a friend` },
  { rule: "open-concurrent-writes", reason: `${CRAFTED}: parallel group_adds near the cap` },
];

/** Every rule an observation leaves unjudged with these settings, and why (emitted as skips at start). */
export function notJudged(c: ClientCredentials, crossCall: boolean): Array<{ rule: string; reason: string }> {
  const off = crossCall
    ? []
    : [...EFFECTS_ORACLE.rules, "sequence-moves-on-change", "open-sequence-step"]
        .filter((r) => r !== "sequence-never-decreases")
        .map((rule) => ({
          rule,
          reason: "--cross-call off: calls are judged one by one, no account is followed",
        }));
  return [...NOT_JUDGED, ...off, ...clientRulesNotJudged(c)];
}
