import { codesTagged } from "../core/contract/codes.js";
import { SuiteError } from "../core/kernel/errors.js";
import { bodyOf, type Exchange, GATEWAY_STATUS } from "../core/kernel/exchange.js";
import type { OutgoingRequest } from "./client.js";
import { type Limiter, realTime, type Sleeper } from "./limiter.js";
import type { Sender } from "./sender.js";

// https://cloud.tencent.com/document/product/269/10107 错误码: 30006 服务器内部错误,请重试; 30007 网络超时,请稍后重试; 30008 写冲突 (specs/error-codes.json).
const TRANSIENT_CODES = new Set(codesTagged("transient"));
// docs/sources/tencent-im-rest.md §3.6: frequency limits; 70050 asks to wait a minute (specs/error-codes.json).
const FREQUENCY_CODES = new Set(codesTagged("frequency"));
const NETWORK = new Set(["TIM_ERR_TRANSPORT", "TIM_ERR_TIMEOUT"]);
/** docs/sources/tencent-im-rest.md §3.6: limits count calls per second; a paced call never waits longer than that to go again */
const WINDOW_MS = 1000;
/**
 * The judged call is not idempotent: one whose answer was lost may have been applied, and its
 * retry would then meet its own groups (30001) and be judged a violation. It is not retried after
 * a lost answer; the service's own "retry" codes (30006-30008) say nothing was done, and are.
 */
const NOT_IDEMPOTENT = new Set(["group_add"]);

export interface ResilienceOptions {
  limiter: Limiter;
  /** tries per request, the first included */
  attempts: number;
  /** retries for the whole run: past it, a transient failure ends the run (exit 3) */
  runBudget: number;
  /** time the whole run may lose to failed tries and back-off: past it, nothing more is retried */
  retryBudgetMs: number;
  /** first back-off wait; doubles per retry of one request */
  backoffMs: number;
  time?: Sleeper;
  /** a second sender for the backup domain, used from the first connection failure on */
  backup?: { sender: Sender; label: string };
  /** told of retries, throttles and the switch to the backup domain */
  notice?: (what: string) => void;
}

export type Verdict = "ok" | "transient" | "throttled" | "unreachable";

/** What an answer means to the retry logic, before any rule looks at it. */
export function classifyAnswer(ex: Exchange, r?: OutgoingRequest): Verdict {
  if (ex.error)
    return ex.error.code === "TIM_ERR_UNREACHABLE"
      ? "unreachable"
      : NETWORK.has(ex.error.code)
        ? "transient"
        : "ok";
  if (ex.response && GATEWAY_STATUS.has(ex.response.status)) return "transient";
  const code = bodyOf(ex)?.ErrorCode;
  if (typeof code === "number" && FREQUENCY_CODES.has(code)) return "throttled";
  if (typeof code === "number" && TRANSIENT_CODES.has(code) && !r?.answers?.includes(code))
    return "transient";
  return "ok";
}

/** Waits, unless the signal fires first. */
function pause(time: Sleeper, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return time.sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    void time.sleep(ms).then(done);
  });
}

/**
 * Rate-limits every call, retries transient failures within a budget (a count
 * and a time), backs off on frequency codes, and falls back to the backup
 * domain. Only the final answer is returned, so a retried transient is never
 * judged as a violation; one that persists is a suite error naming what
 * persisted. Once the time budget is spent, `spent` says so and the runner
 * stops: a target that hangs on every other request must not cost hours.
 */
export class ResilientSender implements Sender {
  private retries = 0;
  private lostMs = 0;
  private active: Sender;
  private onBackup = false;
  private readonly time: Sleeper;

  constructor(
    private readonly primary: Sender,
    private readonly o: ResilienceOptions,
  ) {
    this.active = primary;
    this.time = o.time ?? realTime;
  }

  get retriesUsed(): number {
    return this.retries;
  }

  /** The time budget for retries is used up: the run should stop rather than wait on. */
  get spent(): boolean {
    return this.lostMs >= this.o.retryBudgetMs;
  }

  async send(r: OutgoingRequest, signal?: AbortSignal): Promise<Exchange> {
    let wait = this.o.backoffMs;
    let lost = false;
    let throttleWait = Math.min(WINDOW_MS, this.o.backoffMs);
    for (let attempt = 1; ; attempt++) {
      await this.o.limiter.take(r.command);
      const t0 = this.time.now();
      const ex = await this.active.send(r, signal);
      // An answer that follows a lost one may be to a call already applied (a delete meeting its own
      // effect): the judge is told, and takes what it says as unknowable.
      if (lost) ex.afterLostAnswer = true;
      const v = classifyAnswer(ex, r);
      if (v === "unreachable" && this.o.backup && !this.onBackup) {
        this.onBackup = true;
        this.active = this.o.backup.sender;
        this.o.notice?.(
          `primary address unreachable (${ex.error?.message}); switching to the backup domain ${this.o.backup.label}`,
        );
        attempt -= 1;
        continue;
      }
      if (v === "ok" || v === "unreachable" || signal?.aborted) return ex;
      // A frequency limit is an answer to the suite's own pace (issue 25): it goes slower and sends
      // the call again, which is no try and no retry of the budgets, until it is as slow as it goes.
      if (v === "throttled" && this.o.limiter.canSlowDown(r.command)) {
        this.paced(r.command, bodyOf(ex)?.ErrorCode, throttleWait);
        await pause(this.time, throttleWait, signal);
        throttleWait = Math.min(WINDOW_MS, throttleWait * 2);
        attempt -= 1;
        continue;
      }
      if (ex.error && NOT_IDEMPOTENT.has(r.command)) {
        ex.error.message += " (not retried: the call may have been applied, so a retry could not be judged)";
        return ex;
      }
      this.lostMs += this.time.now() - t0;
      if (ex.error) lost = true;
      const what =
        ex.error?.message ??
        (ex.response && GATEWAY_STATUS.has(ex.response.status)
          ? `HTTP ${ex.response.status}`
          : `ErrorCode ${String(bodyOf(ex)?.ErrorCode)}`);
      if (attempt >= this.o.attempts || this.retries >= this.o.runBudget || this.spent) {
        const budget =
          attempt >= this.o.attempts
            ? `${attempt} tries`
            : this.spent
              ? `the run's retry time budget of ${Math.round(this.o.retryBudgetMs / 1000)} s`
              : `the run's retry budget of ${this.o.runBudget}`;
        // No answer at all keeps its own code (timeout, reset, gateway): the caller reports it as such.
        if (ex.error) {
          ex.error.message += ` (persisted after ${budget})`;
          return ex;
        }
        if (ex.response && GATEWAY_STATUS.has(ex.response.status)) return ex;
        throw Object.assign(
          new SuiteError(
            v === "throttled" ? "TIM_ERR_THROTTLED" : "TIM_ERR_TRANSIENT",
            `${r.command}: ${what} persisted after ${budget}; the target cannot be judged now, try again later`,
          ),
          { exchange: ex },
        );
      }
      this.retries += 1;
      if (v === "throttled") {
        const rate = this.o.limiter.slowDown(r.command);
        this.o.notice?.(
          `${r.command}: throttled (${what}); ${rate ? `rate now ${rate.toFixed(1)}/s, ` : ""}waiting ${Math.round(wait)} ms`,
        );
      }
      const w0 = this.time.now();
      await pause(this.time, wait, signal);
      this.lostMs += this.time.now() - w0;
      wait *= 2;
    }
  }

  /** Slows the command's class down after a throttle; says so when the rate changed. */
  private paced(command: string, code: unknown, waitMs: number): void {
    const rate = this.o.limiter.slowDown(command);
    if (rate !== undefined)
      this.o.notice?.(
        `${command}: throttled (ErrorCode ${String(code)}); rate now ${rate.toFixed(1)}/s, waiting ${Math.round(waitMs)} ms`,
      );
  }

  /** The pace the run settled at after frequency-limit answers, or undefined when there were none. */
  get pace(): string | undefined {
    return this.o.limiter.summary();
  }

  async close(): Promise<void> {
    await this.primary.close();
    await this.o.backup?.sender.close();
  }
}
