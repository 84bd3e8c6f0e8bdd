import { classify } from "../../core/contract/classify.js";
import { expectationOf } from "../../core/contract/domain.js";
import { type Command, validate } from "../../core/contract/schemas.js";
import { SuiteError, type SuiteErrorCode } from "../../core/kernel/errors.js";
import type { Finding, FindingDetail, Listener, Observation } from "../../core/kernel/events.js";
import {
  answerKind,
  bodyOf,
  type Exchange,
  GATEWAY_STATUS,
  isObject,
  succeeded,
} from "../../core/kernel/exchange.js";
import { ruleById } from "../../core/rules/catalogue.js";
import { abortError, type Sender } from "../../transport/sender.js";
import { CHECKS } from "../checks/index.js";
import { type Effects, fullRead, judgeEffects, judgeFriendSide, toSettle } from "./effects.js";
import { buildRequest, type CallOptions, type QueryName } from "./request.js";

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

const describe = (ex: Exchange): string => {
  if (!ex.response)
    return `no answer: the connection was dropped (${ex.error?.message ?? "closed"}), while the target answers other calls`;
  const b = bodyOf(ex);
  if (ex.response?.status !== 200) return `HTTP ${ex.response?.status}`;
  if (!b) return "a body that is not a JSON object";
  return `${String(b.ActionStatus)} ${String(b.ErrorCode)} ${JSON.stringify(b.ErrorInfo ?? "")}`;
};

/** The input-domain classes each exchange was sent as (for oracles that judge by the domain). */
const CLASSES_OF = new WeakMap<Exchange, readonly string[]>();

/** The classes of specs/input-domain.json an exchange's request belongs to. */
export const classesOf = (ex: Exchange): readonly string[] => CLASSES_OF.get(ex) ?? [];

/** A case's handle on the target: calls are judged by every exchange check as they return. */
export class CaseContext {
  /** MUST findings that failed through this context: a stateful command stops the sequence on one */
  mustFailures = 0;

  constructor(
    readonly caseId: string,
    private readonly s: RunShared,
    /** the run's interruption and the case's deadline: requests stop when it fires */
    readonly signal?: AbortSignal,
  ) {}

  /** The query of a normal admin call (sdkappid, identifier, usersig, random, contenttype). */
  normalQuery(): Record<QueryName, string> {
    return this.s.query();
  }

  /** Emits an event as this case (property runs forward what their probes buffered). */
  emitRaw(e: Parameters<Listener>[0]): void {
    this.s.emit(e);
  }

  /** The same target and run memory, with events going to `emit` instead (property probes). */
  derive(emit: Listener): CaseContext {
    return new CaseContext(this.caseId, Object.assign({}, this.s, { emit }), this.signal);
  }

  /** Sends one call and judges it; a transport failure throws (the case cannot be judged). */
  async call(command: string, body: unknown, o: CallOptions = {}): Promise<Exchange> {
    if (this.signal?.aborted) {
      const a = abortError(this.signal, command);
      throw new SuiteError(a.code as SuiteErrorCode, a.message);
    }
    const json = o.rawBody === undefined && isObject(body) ? body : undefined;
    const effects = this.s.effects;
    // Issue 20: every change is read back before the next one touches the same account, so a
    // call answered OK whose effect is wrong is caught at the call that caused it.
    if (effects && !o.concurrent) for (const a of toSettle(effects, command, json)) await this.readBack(a);
    const request = buildRequest(command, body, this.s.query(), o);
    const classes = classify(request, effects?.model);
    if (o.classes) classes.push(...o.classes);
    if (command === "group_add") classes.push(o.concurrent ? "calls-parallel-same-user" : "calls-sequential");
    const ex = await this.s.client.send(request, this.signal);
    CLASSES_OF.set(ex, classes);
    this.s.emit({ type: "exchange", caseId: this.caseId, exchange: ex, classes });
    // A connection dropped without an answer, on this request only and again when retried, is an
    // answer the docs do not allow (every call is answered with HTTP 200), not an outage: the
    // caller's expectation judges it. Only a target that answers nothing else is unjudgeable.
    if (ex.error?.code === "TIM_ERR_TRANSPORT" && command === "group_add" && (await this.answersOthers())) {
      effects?.model.apply(command, json, ex);
      return ex;
    }
    if (ex.error) {
      // Whatever a change with no answer did is unknowable: the model reads the account again.
      effects?.model.apply(command, json, ex);
      throw new SuiteError(ex.error.code as SuiteErrorCode, ex.error.message);
    }
    const status = ex.response?.status ?? 0;
    // docs/sources/tencent-im-rest.md §3.2: 502 is a network error, not an answer; judging it would blame the target for its proxy.
    if (GATEWAY_STATUS.has(status)) {
      throw new SuiteError("TIM_ERR_GATEWAY", `${command}: HTTP ${status} from the target or its proxy`);
    }
    this.judge(ex, json);
    if (effects) {
      const invalid = expectationOf(classes).expect.startsWith("invalid");
      effects.model.apply(command, json, ex, request.query.find(([k]) => k === "random")?.[1], invalid);
      const side =
        command === "group_get" && this.shapeIssue(ex)
          ? undefined
          : judgeEffects(this, effects, command, json, ex);
      if (side) {
        const read = await this.fixtureExchange("friend_get_list", {
          From_Account: side.user,
          To_Account: [...side.expected.keys()],
          TagList: ["Tag_SNS_IM_Group"],
        });
        judgeFriendSide(this, side, read);
      }
    }
    return ex;
  }

  /**
   * Calls for one user sent at once may be answered in any order: while a batch runs, each answer's
   * CurrentSequence is held to the one from before it (sequence-never-decreases), not to each other.
   */
  batch(user: string, on: boolean): void {
    const m = this.s.memory;
    if (on) m.set(`batch:${user}`, m.get(`seq:${user}`));
    else m.delete(`batch:${user}`);
  }

  /** Reads an account back (a full group_get), which judges its last change against the model. */
  async readBack(user: string): Promise<void> {
    await this.fixture("group_get", fullRead(user));
  }

  /** Reads back every account whose last change is not yet judged (at the end of a case). */
  async settle(): Promise<void> {
    const effects = this.s.effects;
    if (!effects) return;
    for (const a of effects.model.pendingAccounts()) await this.readBack(a);
  }

  /**
   * A setup or verification call refused: once, the same call with another random (in the lower
   * half of the range). Taken then, the refusal hung on nothing but a random the docs allow
   * (取值范围0 - 4294967295): a valid request refused, with the first answer as evidence; and the
   * run goes on with the second. Refused again, the first answer stands.
   */
  private async refusedForRandom(
    command: string,
    body: Record<string, unknown>,
    ex: Exchange,
  ): Promise<Exchange> {
    if (answerKind(ex) !== "refused") return ex;
    const sent = /[?&]random=(\d+)/.exec(ex.request.url)?.[1];
    const other = String(1 + (Number(this.s.query().random) % 2147483646));
    if (sent === undefined || sent === other) return ex;
    const again = await this.call(command, body, { query: { random: other } });
    if (!succeeded(again)) return ex;
    this.expect(
      "valid-request-accepted",
      false,
      `${command} with random ${sent} was refused (${describe(ex)}); the same call with random ${other} was accepted`,
      ex,
      () => ({
        instancePath: "/ActionStatus",
        expected: `OK: random ${sent} is within 0 - 4294967295`,
        actual: describe(ex),
      }),
    );
    return again;
  }

  /** A fixture answer the suite cannot rely on: not a success, or not the shape schemas/ describe. */
  private shapeIssue(ex: Exchange): string | undefined {
    const res = bodyOf(ex);
    if (!succeeded(ex) || !res) return "not a success";
    const issue = validate(ex.command as Command, "success", res)[0];
    return issue ? `${issue.instancePath || "/"} ${issue.message}` : undefined;
  }

  /** Whether the target answers a harmless call right now (account_check of an id nobody has). */
  private async answersOthers(): Promise<boolean> {
    const probe = await this.s.client.send(
      buildRequest("account_check", { CheckItem: [{ UserID: "tim_ct_liveness" }] }, this.s.query()),
      this.signal,
    );
    return probe.response !== undefined;
  }

  /** A setup or verification call that must succeed; otherwise the case cannot be judged. */
  async fixture(command: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    return bodyOf(await this.fixtureExchange(command, body)) as Record<string, unknown>;
  }

  /** As fixture(), returning the exchange (its answer a success of the shape schemas/ describe). */
  async fixtureExchange(command: string, body: Record<string, unknown>): Promise<Exchange> {
    const ex = await this.refusedForRandom(command, body, await this.call(command, body));
    if (!succeeded(ex) || !bodyOf(ex)) {
      const err = new SuiteError(
        "TIM_ERR_FIXTURE",
        `${command} (fixture) answered ${describe(ex)}; the rules of this case cannot be judged`,
      );
      err.exchange = ex;
      throw err;
    }
    // The suite reads these answers to verify state: one of the wrong shape would mislead it.
    const issue = this.shapeIssue(ex);
    if (issue) {
      throw new SuiteError(
        "TIM_ERR_FIXTURE",
        `${command} (fixture) answer does not match schemas/${command}.json: ${issue}`,
      );
    }
    return ex;
  }

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
