import type { Finding, FindingDetail, Listener, Observation } from "../../core/kernel/events.js";
import { answerKind, bodyOf, type Exchange, succeeded } from "../../core/kernel/exchange.js";
import { ruleById } from "../../core/rules/catalogue.js";
import type { Sender } from "../../transport/sender.js";
import { CHECKS } from "../checks/index.js";
import type { Effects } from "./effects.js";
import type { QueryName } from "./request.js";

// How a case produces a finding: every answer goes through the exchange checks (judge), a case's
// own expectations through expect/expectAccepted/expectRefused, and each becomes an event the
// tally folds (src/judge/verdict/tally.ts). CaseContext (context.ts) adds the calls.

/** What every case of a run shares. */
export interface RunShared {
  client: Sender;
  emit: Listener;
  /** query values of a normal admin call (usersig included) */
  query: () => Record<QueryName, string>;
  memory: Map<string, unknown>;
  /** the whole-effect oracle; absent when state cannot be read back (a group_add-only target) */
  effects?: Effects;
}

export const describe = (ex: Exchange): string => {
  if (!ex.response)
    return `no answer: the connection was dropped (${ex.error?.message ?? "closed"}), while the target answers other calls`;
  const b = bodyOf(ex);
  if (ex.response?.status !== 200) return `HTTP ${ex.response?.status}`;
  if (!b) return "a body that is not a JSON object";
  return `${String(b.ActionStatus)} ${String(b.ErrorCode)} ${JSON.stringify(b.ErrorInfo ?? "")}`;
};

/** A case's judging: its findings, observations and skips, emitted as events of the case. */
export class CaseJudge {
  /** MUST findings that failed through this context: a stateful command stops the sequence on one */
  mustFailures = 0;

  constructor(
    readonly caseId: string,
    protected readonly s: RunShared,
  ) {}

  /** Every exchange check on one exchange (observe judges the traffic it forwards with this too). */
  judge(ex: Exchange, req: Record<string, unknown> | undefined): void {
    const input = { ex, res: bodyOf(ex), req, memory: this.s.memory };
    for (const c of CHECKS) {
      if (!c.commands.includes(ex.command)) continue;
      const j = c.judge?.(input);
      if (j)
        this.expect(
          c.id,
          j.ok,
          j.ok ? ruleById(c.id).title : j.message,
          ex,
          j.ok || j.instancePath === undefined
            ? undefined
            : () => ({
                instancePath: j.instancePath ?? "",
                expected: j.expected ?? "",
                actual: j.actual ?? "",
              }),
        );
      const seen = c.observe?.(input);
      if (seen !== undefined) this.observe(c.id, seen, ex);
    }
  }

  /** `at` says where and what, and is only worked out when the rule failed (it is on hot paths). */
  expect(rule: string, ok: boolean, message: string, exchange?: Exchange, at?: () => FindingDetail): void {
    const { level } = ruleById(rule);
    if (!ok && level === "MUST") this.mustFailures += 1;
    // Built field by field in the order the reports show them: spreads cost microseconds on Node
    // 20 here (issue 25), and an exchange has some twenty findings.
    const finding: Finding = { rule, level, caseId: this.caseId, outcome: ok ? "pass" : "fail", message };
    if (exchange) finding.exchange = exchange;
    if (at && !ok) Object.assign(finding, at());
    this.s.emit({ type: "finding", finding });
  }

  /**
   * The target accepted the call (ActionStatus OK, ErrorCode 0). An answer whose ActionStatus and
   * ErrorCode disagree is not judged here: envelope-status-code blames it, once.
   */
  expectAccepted(rule: string, ex: Exchange, what: string): boolean {
    const kind = answerKind(ex);
    if (kind === "ambiguous") return this.ambiguous(rule, ex, what);
    const ok = kind === "accepted";
    this.expect(
      rule,
      ok,
      ok ? `${what}: accepted` : `${what}: expected success, got ${describe(ex)}`,
      ex,
      () => ({
        instancePath: "/ActionStatus",
        expected: "OK with ErrorCode 0",
        actual: describe(ex),
      }),
    );
    return ok;
  }

  /** The target refused the call (a FAIL envelope); its HTTP status is http-200's business. */
  expectRefused(rule: string, ex: Exchange, what: string): boolean {
    const kind = answerKind(ex);
    if (kind === "ambiguous") return this.ambiguous(rule, ex, what);
    const ok = kind === "refused";
    this.expect(
      rule,
      ok,
      ok
        ? `${what}: refused with ${String(bodyOf(ex)?.ErrorCode)}`
        : `${what}: expected a FAIL envelope, got ${describe(ex)}`,
      ex,
      () => ({
        instancePath: "/ActionStatus",
        expected: "FAIL with a non-zero ErrorCode",
        actual: describe(ex),
      }),
    );
    return ok;
  }

  private ambiguous(rule: string, ex: Exchange, what: string): false {
    this.skip(
      rule,
      `${what}: ActionStatus and ErrorCode disagree (${describe(ex)}), so whether it was accepted is unknowable; envelope-status-code judges the answer`,
    );
    return false;
  }

  observe(rule: string, value: string, exchange?: Exchange): void {
    const observation: Observation = { rule, caseId: this.caseId, value };
    if (exchange) observation.exchange = exchange;
    this.s.emit({ type: "observation", observation });
  }

  skip(rule: string, reason: string): void {
    this.s.emit({ type: "skip", caseId: this.caseId, rule, reason });
  }
}

/** "30001 Err_..." or "OK": how an answer reads in an observation. */
export function outcomeOf(ex: Exchange): string {
  const b = bodyOf(ex);
  if (succeeded(ex)) return "accepted";
  if (!ex.response) return "no answer (connection dropped)";
  return b
    ? `refused ${String(b.ErrorCode)}${b.ErrorInfo ? ` ${String(b.ErrorInfo)}` : ""}`
    : `HTTP ${ex.response?.status}`;
}
