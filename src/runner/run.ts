import type { Case, SigMinter } from "../cases/case.js";
import { CASES } from "../cases/index.js";
import type { Settings } from "../config/settings.js";
import { SuiteError } from "../errors.js";
import { Pool } from "../fixtures/pool.js";
import { ApiClient } from "../transport/client.js";
import { Redactor } from "../transport/redact.js";
import { mintUserSig } from "../usersig/sign.js";
import { type Clock, randomParams, systemClock } from "./clock.js";
import { CaseContext, type RunShared } from "./context.js";
import type { Listener } from "./events.js";
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

const ADMIN_SIG_LIFETIME = 86400;

function minter(s: Settings, clock: Clock, redactor: Redactor): SigMinter | undefined {
  const key = s.secretKey;
  if (!key) return undefined;
  const mint: SigMinter["mint"] = (o) => {
    const sig = mintUserSig({
      sdkappid: o.sdkappid ?? s.sdkappid,
      identifier: o.identifier,
      secretKey: o.key ?? key,
      expire: o.expire ?? ADMIN_SIG_LIFETIME,
      now: o.time ?? clock.now(),
    });
    redactor.add(sig);
    return sig;
  };
  return {
    sdkappid: s.sdkappid,
    admin: s.identifier,
    adminSig: mint({ identifier: s.identifier }),
    mint,
    now: () => clock.now(),
  };
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
export async function runSuite(o: RunOptions): Promise<void> {
  const { settings: s, emit } = o;
  const clock = o.clock ?? systemClock;
  const cases = selectCases(s.cases);
  const redactor = new Redactor();
  redactor.add(s.secretKey);
  redactor.add(s.usersig);
  const sig = minter(s, clock, redactor);
  const adminSig = s.usersig ?? sig?.adminSig ?? "";
  const target = await openTarget(s, clock);
  o.onTarget?.(target);
  const client = new ApiClient({ baseUrl: target.baseUrl, timeoutMs: s.timeoutMs, redactor });
  const nextRandom = randomParams(s.seed);
  const shared: RunShared = {
    client,
    emit,
    memory: new Map(),
    query: () => ({
      sdkappid: String(s.sdkappid),
      identifier: s.identifier,
      usersig: adminSig,
      random: nextRandom(),
      contenttype: "json",
    }),
  };
  const pool = new Pool(s.prefix);
  const t0 = performance.now();
  emit({
    type: "run-start",
    info: {
      target: target.label,
      seed: s.seed,
      startedAt: new Date(clock.now() * 1000).toISOString(),
      replayFlags: target.replayFlags,
    },
    cases: cases.map((c) => c.id),
  });
  let incomplete = false;
  try {
    const setup = new CaseContext("setup", shared);
    try {
      await pool.prepare(setup);
    } catch (e) {
      const failed = asSuiteError(e);
      const err = credentialsRejected(failed.exchange) ?? failed;
      emit({
        type: "case-error",
        caseId: "setup",
        code: err.code,
        message: redactor.redact(err.message),
        rules: [],
      });
      incomplete = true;
      if (err.code === "TIM_ERR_FIXTURE") {
        try {
          await probeEnvelope(new CaseContext("envelope-probe", shared), s.prefix);
        } catch (p) {
          const perr = asSuiteError(p);
          emit({
            type: "case-error",
            caseId: "envelope-probe",
            code: perr.code,
            message: redactor.redact(perr.message),
            rules: [],
          });
        }
      }
      return;
    }
    for (const c of cases) {
      if (o.signal?.aborted) {
        incomplete = true;
        break;
      }
      const t = new CaseContext(c.id, shared);
      const c0 = performance.now();
      emit({ type: "case-start", caseId: c.id, title: c.title });
      try {
        await c.run({
          t,
          pool,
          sig,
          adminSig,
          gen: {
            seed: s.seed,
            runs: s.runs,
            ...(s.path ? { path: s.path } : {}),
            ...(s.replayPath ? { replayPath: s.replayPath } : {}),
          },
        });
      } catch (e) {
        const err = asSuiteError(e);
        emit({
          type: "case-error",
          caseId: c.id,
          code: err.code,
          message: redactor.redact(err.message),
          rules: [...c.rules],
        });
      } finally {
        try {
          await pool.releaseAll(t);
        } catch (e) {
          const err = asSuiteError(e);
          emit({
            type: "case-error",
            caseId: c.id,
            code: err.code,
            message: redactor.redact(`cleanup: ${err.message}`),
            rules: [],
          });
        }
        emit({ type: "case-end", caseId: c.id, ms: performance.now() - c0 });
      }
    }
  } finally {
    emit({
      type: "run-end",
      ms: performance.now() - t0,
      incomplete: incomplete || Boolean(o.signal?.aborted),
    });
    await client.close();
    await target.close();
  }
}
