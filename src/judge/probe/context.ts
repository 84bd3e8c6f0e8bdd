import { classify } from "../../core/contract/classify.js";
import { expectationOf } from "../../core/contract/domain.js";
import { type Command, validate } from "../../core/contract/schemas.js";
import { SuiteError, type SuiteErrorCode } from "../../core/kernel/errors.js";
import type { Listener } from "../../core/kernel/events.js";
import {
  answerKind,
  bodyOf,
  type Exchange,
  GATEWAY_STATUS,
  isObject,
  succeeded,
} from "../../core/kernel/exchange.js";
import { abortError } from "../../transport/sender.js";
import { fullRead, judgeEffects, judgeFriendSide, toSettle } from "./effects.js";
import { CaseJudge, describe, type RunShared } from "./findings.js";
import { buildRequest, type CallOptions, type QueryName } from "./request.js";

export { outcomeOf, type RunShared } from "./findings.js";

/** The input-domain classes each exchange was sent as (for oracles that judge by the domain). */
const CLASSES_OF = new WeakMap<Exchange, readonly string[]>();

/** The classes of specs/input-domain.json an exchange's request belongs to. */
export const classesOf = (ex: Exchange): readonly string[] => CLASSES_OF.get(ex) ?? [];

/** A case's handle on the target: calls are judged by every exchange check as they return. */
export class CaseContext extends CaseJudge {
  constructor(
    caseId: string,
    s: RunShared,
    /** the run's interruption and the case's deadline: requests stop when it fires */
    readonly signal?: AbortSignal,
  ) {
    super(caseId, s);
  }

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
}
