import type { AccountPool, Case } from "../cases/case.js";
import { CASES } from "../cases/index.js";
import type { Settings } from "../config/settings.js";
import { SuiteError } from "../errors.js";
import { DeclaredPool } from "../fixtures/declared.js";
import { Pool } from "../fixtures/pool.js";
import { withRecordedSettings } from "../record/recording.js";
import { Redactor } from "../transport/redact.js";
import { type Clock, randomParams, systemClock } from "./clock.js";
import { CaseContext, type RunShared } from "./context.js";
import { adminSigSource, minter } from "./credentials.js";
import type { Listener } from "./events.js";
import { senderFor } from "./sender-stack.js";
import { credentialsRejected, probeEnvelope } from "./setup-failure.js";
import { openTarget, type Target } from "./target.js";

export interface RunOptions {
  settings: Settings;
  emit: Listener;
  clock?: Clock;
  /** aborting stops new cases; the current one finishes and everything is cleaned up */
  signal?: AbortSignal;
  /** called once the target is up (tests use it to inspect the embedded emulator) */
  onTarget?: (t: Target) => void;
}

export function selectCases(ids: string[]): Case[] {
  if (ids.length === 0) return [...CASES];
  return ids.map((id) => {
    const c = CASES.find((k) => k.id === id);
    if (!c)
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        `--case: unknown case "${id}"; one of: ${CASES.map((k) => k.id).join(", ")}`,
      );
    return c;
  });
}

const asSuiteError = (e: unknown): SuiteError =>
  e instanceof SuiteError
    ? e
    : new SuiteError("TIM_ERR_INTERNAL", `suite bug: ${(e as Error)?.message ?? String(e)}`, { cause: e });

/** Runs the selected cases against the target, emitting events; never throws for the target's faults. */
/** The recording's settings replace the run's: a replay generates exactly the recorded cases. */
function replaying(s: Settings, target: Target): Settings {
  const r = target.recording?.settings;
  return r ? withRecordedSettings(s, r) : s;
}

/** Runs the selected cases against the target, emitting events; never throws for the target's faults. */
export async function runSuite(o: RunOptions): Promise<void> {
  const { emit } = o;
  const clock = o.clock ?? systemClock;
  const notice = (message: string) => emit({ type: "notice", message });
  const redactor = new Redactor();
  redactor.add(o.settings.secretKey);
  redactor.add(o.settings.usersig);
  const target = await openTarget(o.settings, clock, notice);
  const s = replaying(o.settings, target);
  o.onTarget?.(target);
  const cases = selectCases(s.cases);
  const sig = minter(s, clock, redactor);
  const adminSig = adminSigSource(s, clock, sig);
  const client = senderFor(s, target, redactor, (m) => notice(redactor.redact(m)));
  const nextRandom = randomParams(s.seed);
  const shared: RunShared = {
    client,
    emit,
    memory: new Map(),
    query: () => ({
      sdkappid: String(s.sdkappid),
      identifier: s.identifier,
      usersig: adminSig(),
      random: nextRandom(),
      contenttype: "json",
    }),
  };
  // Declared fixtures: a group_add-only target; nothing is imported, befriended or reset there.
  const pool: AccountPool = s.fixtures ? new DeclaredPool(s.fixtures) : new Pool(s.prefix);
  const declared = Boolean(s.fixtures);
  const t0 = performance.now();
  const info = {
    target: target.label,
    seed: s.seed,
    startedAt: new Date(clock.now() * 1000).toISOString(),
    replayFlags: target.replayFlags,
  };
  emit({ type: "run-start", info, cases: cases.map((c) => c.id) });
  const fail = (caseId: string, e: unknown, rules: string[] = [], prefix = "") => {
    const err = asSuiteError(e);
    emit({
      type: "case-error",
      caseId,
      code: err.code,
      message: redactor.redact(prefix + err.message),
      rules,
    });
    return err;
  };
  let incomplete = false;
  try {
    try {
      await pool.prepare(new CaseContext("setup", shared));
    } catch (e) {
      const failed = asSuiteError(e);
      const err = fail("setup", credentialsRejected(failed.exchange) ?? failed);
      incomplete = true;
      if (err.code === "TIM_ERR_FIXTURE") {
        await probeEnvelope(new CaseContext("envelope-probe", shared), s.prefix).catch((p) =>
          fail("envelope-probe", p),
        );
      }
      return;
    }
    const gen = {
      seed: s.seed,
      runs: s.runs,
      ...(s.path ? { path: s.path } : {}),
      ...(s.replayPath ? { replayPath: s.replayPath } : {}),
    };
    for (const c of cases) {
      if (o.signal?.aborted) {
        incomplete = true;
        break;
      }
      const t = new CaseContext(c.id, shared);
      const c0 = performance.now();
      emit({ type: "case-start", caseId: c.id, title: c.title });
      if (declared && !c.groupAddOnly) {
        const reason =
          "needs account, friendship or group_get/group_delete calls; the target was declared group_add-only (--fixtures)";
        for (const rule of c.rules) emit({ type: "skip", caseId: c.id, rule, reason });
        emit({ type: "case-end", caseId: c.id, ms: performance.now() - c0 });
        continue;
      }
      try {
        await c.run({ t, pool, sig, adminSig: adminSig(), gen, declared });
      } catch (e) {
        fail(c.id, e, [...c.rules]);
      } finally {
        await pool.releaseAll(t).catch((e) => fail(c.id, e, [], "cleanup: "));
        emit({ type: "case-end", caseId: c.id, ms: performance.now() - c0 });
      }
    }
    // The pool is left as it was found: no groups, no friendships among its accounts.
    await pool.resetAll(new CaseContext("cleanup", shared)).catch((e) => fail("cleanup", e));
  } finally {
    if (client.retriesUsed > 0)
      notice(`${client.retriesUsed} request(s) retried (transient or throttled answers are never judged)`);
    emit({
      type: "run-end",
      ms: performance.now() - t0,
      incomplete: incomplete || Boolean(o.signal?.aborted),
    });
    await client.close();
    await target.close();
  }
}
