import { DeclaredPool } from "../cases/accounts/declared.js";
import { Pool } from "../cases/accounts/pool.js";
import type { AccountPool, Case, GenerationPlan } from "../cases/case.js";
import { CASES } from "../cases/index.js";
import { runsOfPart } from "../cases/properties/cut.js";
import type { Settings } from "../config/settings.js";
import { limits } from "../core/contract/limits.js";
import { type Clock, randomParams, systemClock } from "../core/kernel/clock.js";
import { SuiteError } from "../core/kernel/errors.js";
import type { Listener } from "../core/kernel/events.js";
import { CaseContext, type RunShared } from "../judge/probe/context.js";
import { adminSigSource, minter, runRedactor } from "../judge/probe/credentials.js";
import { AccountModel } from "../judge/probe/model.js";
import { withRecordedSettings } from "../report/record/recording.js";
import { DeadlineError } from "../transport/sender.js";
import { planRun } from "./plan.js";
import { credentialsRejected, probeEnvelope } from "./setup-failure.js";
import { openTarget, type Target } from "./targets/open.js";
import { senderFor } from "./targets/sender-stack.js";

export interface RunOptions {
  settings: Settings;
  emit: Listener;
  clock?: Clock;
  /** aborting (reason "SIGINT"/"SIGTERM") stops the current case at once; cleanup and reports still follow */
  signal?: AbortSignal;
  /** called once the target is up (tests use it to inspect the embedded emulator) */
  onTarget?: (t: Target) => void;
  /** how the user started the run, for the replay commands of the reports */
  command?: string;
}

/** The cases to run, in the index's order for a full run; the baseline always comes first, once. */
export function selectCases(ids: string[]): Case[] {
  if (ids.length === 0) return [...CASES];
  const picked = ids.map((id) => {
    const c = CASES.find((k) => k.id === id);
    if (!c)
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        `--case: unknown case "${id}"; one of: ${CASES.map((k) => k.id).join(", ")}`,
      );
    return c;
  });
  const first = CASES[0] as Case;
  return [first, ...picked.filter((c) => c !== first)];
}

const asSuiteError = (e: unknown): SuiteError =>
  e instanceof SuiteError
    ? e
    : new SuiteError("TIM_ERR_INTERNAL", `suite bug: ${(e as Error)?.message ?? String(e)}`, { cause: e });

/** The recording's settings replace the run's: a replay generates exactly the recorded cases. */
function replaying(s: Settings, target: Target): Settings {
  const r = target.recording?.settings;
  return r ? withRecordedSettings(s, r) : s;
}

/** Cleanup gets a deadline of its own, so a target that hangs cannot hold the run after a signal. */
const cleanupMs = (s: Pick<Settings, "timeoutMs">): number => Math.max(30_000, 4 * s.timeoutMs);

/** A case's signal: the run's interruption or the case's own deadline, whichever comes first. */
function caseSignal(
  s: Pick<Settings, "caseTimeoutMs">,
  caseId: string,
  run: AbortSignal | undefined,
): [AbortSignal, () => void] {
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(new DeadlineError(`case ${caseId} passed its deadline of ${s.caseTimeoutMs / 1000} s`)),
    s.caseTimeoutMs,
  );
  return [run ? AbortSignal.any([run, deadline.signal]) : deadline.signal, () => clearTimeout(timer)];
}

/** Runs the selected cases against the target, emitting events; never throws for the target's faults. */
export async function runSuite(o: RunOptions): Promise<void> {
  const { emit } = o;
  const clock = o.clock ?? systemClock;
  const notice = (message: string) => emit({ type: "notice", message });
  const target = await openTarget(o.settings, clock, notice);
  const s = replaying(o.settings, target);
  const redactor = runRedactor(s);
  o.onTarget?.(target);
  const selected = selectCases(s.cases);
  const plan = planRun(selected, s);
  const sig = target.recording && !target.recording.settings.signed ? undefined : minter(s, clock, redactor);
  const adminSig = adminSigSource(s, clock, sig);
  const client = senderFor(s, target, redactor, (m) => notice(redactor.redact(m)));
  const nextRandom = randomParams(s.seed);
  const shared: RunShared = {
    client,
    emit,
    memory: new Map(),
    // The whole-effect oracle needs group_get: a group_add-only target (declared fixtures) has none.
    ...(s.fixtures ? {} : { effects: { model: new AccountModel(), cap: limits.maxGroupsPerUser } }),
    query: () => ({
      sdkappid: String(s.sdkappid),
      identifier: s.identifier,
      usersig: adminSig(),
      random: nextRandom(),
      contenttype: "json",
    }),
  };
  // Declared fixtures: a group_add-only target; nothing is imported, befriended or reset there.
  const pool: AccountPool = s.fixtures ? new DeclaredPool(s.fixtures) : new Pool(s.prefix, s.resetPool);
  const cleanup = (id: string) => new CaseContext(id, shared, AbortSignal.timeout(cleanupMs(s)));
  const t0 = performance.now();
  const info = {
    target: target.label,
    seed: s.seed,
    startedAt: new Date(clock.now() * 1000).toISOString(),
    replayFlags: target.replayFlags,
    ...(o.command ? { command: o.command } : {}),
    ...(s.shard && s.path === undefined ? { shard: s.shard } : {}),
    plan: { runs: s.runs, declared: Boolean(s.fixtures) },
  };
  // The whole selection, in order: a shard's report says what the run was a share of (merge reads it).
  emit({ type: "run-start", info, cases: selected.map((c) => c.id), planned: plan.cases.length });
  if (s.fixtures)
    for (const rule of ["state-matches-calls", "group-delete-removes"])
      emit({
        type: "skip",
        caseId: "effects",
        rule,
        reason:
          "every call's effect is read back with group_get, which a group_add-only target (--fixtures) does not have",
      });
  notice(
    s.live.rate > 0
      ? `rate limiter on: ${s.live.rate} calls/s for the sns calls, half for the account calls`
      : "rate limiter off (a loopback target, the embedded emulator or a replay; --rate N turns it on)",
  );
  const fail = (caseId: string, e: unknown, rules: readonly string[] = [], prefix = "") => {
    const err = asSuiteError(e);
    if (err.code === "TIM_ERR_INTERRUPTED") {
      notice(redactor.redact(`${caseId}: ${prefix}${err.message}; the rest of it was not run`));
      return err;
    }
    emit({
      type: "case-error",
      caseId,
      code: err.code,
      message: redactor.redact(prefix + err.message),
      rules: [...rules],
    });
    return err;
  };
  let incomplete = false;
  try {
    const [setupSignal, setupDone] = caseSignal(s, "setup", o.signal);
    try {
      const setup = new CaseContext("setup", shared, setupSignal);
      await pool.prepare(setup);
      await setup.settle();
    } catch (e) {
      const failed = asSuiteError(e);
      const err = fail("setup", credentialsRejected(failed.exchange) ?? failed);
      incomplete = true;
      if (err.code === "TIM_ERR_FIXTURE") {
        await probeEnvelope(cleanup("envelope-probe"), s.prefix).catch((p) => fail("envelope-probe", p));
      }
      return;
    } finally {
      setupDone();
    }
    const gen = (c: Case): GenerationPlan => ({
      seed: s.seed,
      runs: s.runs,
      ...(s.path ? { path: s.path } : {}),
      ...(s.replayPath ? { replayPath: s.replayPath } : {}),
      parts: plan.parts.get(c.id) ?? [],
      total: c.parts ? s.runs[c.parts.runs] : 0,
      size: c.parts?.size ?? 1,
      lanes: s.lanes,
    });
    for (const c of plan.cases) {
      if (o.signal?.aborted || client.spent) {
        incomplete = true;
        if (client.spent)
          fail(
            "run",
            new SuiteError(
              "TIM_ERR_TRANSIENT",
              `the retry time budget of ${s.live.retryBudgetMs / 1000} s is spent (the target keeps failing or stalling); the remaining cases were not run`,
            ),
          );
        break;
      }
      const [signal, done] = caseSignal(s, c.id, o.signal);
      const t = new CaseContext(c.id, shared, signal);
      const c0 = performance.now();
      const g = gen(c);
      const planned = c.parts
        ? { parts: g.parts.length, runs: g.parts.reduce((n, p) => n + runsOfPart(g.total, p, g.size), 0) }
        : undefined;
      emit({ type: "case-start", caseId: c.id, title: c.title, ...(planned ? { planned } : {}) });
      shared.effects?.model.startCase(pool.owned());
      if (s.fixtures && !c.groupAddOnly) {
        const reason =
          "needs account, friendship or group_get/group_delete calls; the target was declared group_add-only (--fixtures)";
        for (const rule of c.rules) emit({ type: "skip", caseId: c.id, rule, reason });
        emit({ type: "case-end", caseId: c.id, ms: performance.now() - c0 });
        done();
        continue;
      }
      try {
        await c.run({
          t,
          pool,
          sig,
          adminSig: adminSig(),
          gen: g,
          declared: Boolean(s.fixtures),
          ...(s.fixtures ? { declaredFixtures: s.fixtures } : {}),
          now: () => clock.now(),
        });
        // What the case changed last is read back and judged before its accounts are reset.
        await t.settle();
      } catch (e) {
        fail(c.id, e, c.rules);
      } finally {
        done();
        await pool.releaseAll(cleanup(c.id)).catch((e) => fail(c.id, e, [], "cleanup: "));
        emit({ type: "case-end", caseId: c.id, ms: performance.now() - c0 });
      }
    }
    // The pool is left as it was found: no groups, no friendships among its accounts.
    await pool.resetAll(cleanup("cleanup")).catch((e) => fail("cleanup", e));
  } finally {
    if (client.retriesUsed > 0)
      notice(`${client.retriesUsed} request(s) retried (transient or throttled answers are never judged)`);
    // The pace the run settled at against a target's frequency limit (issue 25).
    const pace = client.pace;
    if (pace) notice(pace);
    const reason = o.signal?.aborted ? String(o.signal.reason) : undefined;
    emit({
      type: "run-end",
      ms: performance.now() - t0,
      incomplete: incomplete || Boolean(o.signal?.aborted),
      ...(reason === "SIGINT" || reason === "SIGTERM" ? { interrupted: reason } : {}),
    });
    await client.close();
    await target.close();
  }
}
