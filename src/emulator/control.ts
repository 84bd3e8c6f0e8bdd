import { faultById } from "./faults/index.js";
import type { EmuEnv } from "./handle.js";
import { makeEnv } from "./handle.js";
import { Scenario, type ScenarioStep } from "./scenarios.js";
import type { Scrubber } from "./scrub.js";
import { emptyState, type State, snapshot } from "./state.js";
import type { EmuRequest, EmuResponse } from "./types.js";
import { variantById } from "./variants.js";

/** The reserved path prefix of the control API: no documented endpoint lives under it. */
export const CONTROL_PREFIX = "/__emulator/";

/** One request as the emulator saw it, every credential in it redacted (scrub.ts), with what the client-side judge said. */
export interface JournalEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
  /** what the injected client judge found (rule, ok, message), when one is wired in */
  verdict?: unknown[];
  status?: number;
}

export const JOURNAL_MAX = 1000;

/** What the server keeps that the control API reads and changes: mutable, shared with the request path. */
export interface Live {
  state: State;
  env: EmuEnv;
  scenario: Scenario | undefined;
  journal: JournalEntry[];
  seq: number;
  /** takes the credentials out of what the journal keeps */
  scrub: Scrubber;
}

export interface ControlHooks {
  /** judges a client's request (the client-side report); kept out of the emulator core */
  verdict?: (req: EmuRequest) => unknown[];
  /** checks a scenario before it is loaded (schema and scripted answers); throws with the reason */
  checkScenario?: (steps: unknown) => ScenarioStep[];
}

export function record(live: Live, req: EmuRequest, hooks: ControlHooks): JournalEntry {
  const s = live.scrub;
  const verdict = hooks.verdict?.(req);
  const entry: JournalEntry = {
    seq: ++live.seq,
    at: new Date().toISOString(),
    method: req.method,
    path: s.text(req.path),
    query: s.query(req.query),
    body: s.text(req.body.slice(0, 2000)),
    ...(verdict ? { verdict: JSON.parse(s.text(JSON.stringify(verdict))) as unknown[] } : {}),
  };
  if (live.journal.length >= JOURNAL_MAX) live.journal.shift();
  live.journal.push(entry);
  return entry;
}

/** Resets all state, or one account (its groups, friendships and sequence). */
export function reset(live: Live, account?: string): void {
  if (account === undefined) {
    const fresh = emptyState();
    live.state.users = fresh.users;
    live.state.appSeq = fresh.appSeq;
    live.journal.length = 0;
    return;
  }
  live.state.users.delete(account);
  for (const u of live.state.users.values()) u.friends.delete(account);
}

/** Switches faults and variants at run time: the emulator answers the next request with them. */
export function configure(live: Live, o: { faults?: string[]; variants?: string[] }): void {
  const faults = (o.faults ?? []).map((id) => {
    const f = faultById(id);
    if (!f) throw new Error(`unknown fault "${id}"`);
    return f;
  });
  const behaviour: Record<string, unknown> = { maxAccounts: live.env.behaviour.maxAccounts };
  for (const id of o.variants ?? []) {
    const v = variantById(id);
    if (!v) throw new Error(`unknown variant "${id}"`);
    Object.assign(behaviour, v.behaviour);
  }
  const next = makeEnv(live.env.config, faults, behaviour);
  live.env.faults = next.faults;
  live.env.behaviour = next.behaviour;
}

const reply = (status: number, body: unknown): EmuResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/**
 * The control API, for test suites in any language: GET state, GET journal,
 * POST reset ({} or {"account": id}), POST scenario (the steps), POST config
 * ({"faults": [...], "variants": [...]}). Answers JSON; a bad body is a 400 naming why.
 */
export function control(live: Live, req: EmuRequest, hooks: ControlHooks): EmuResponse {
  const op = req.path.slice(CONTROL_PREFIX.length);
  let body: Record<string, unknown> = {};
  try {
    body = req.body.trim() === "" ? {} : (JSON.parse(req.body) as Record<string, unknown>);
  } catch {
    return reply(400, { error: "the body is not JSON" });
  }
  try {
    if (op === "state") return reply(200, { users: snapshot(live.state) });
    if (op === "journal") return reply(200, { requests: live.seq, entries: live.journal });
    if (req.method !== "POST") return reply(405, { error: `${op} takes POST` });
    if (op === "reset") {
      reset(live, typeof body.account === "string" ? body.account : undefined);
      return reply(200, { reset: body.account ?? "all" });
    }
    if (op === "scenario") {
      const steps = hooks.checkScenario ? hooks.checkScenario(body) : (body as unknown as ScenarioStep[]);
      live.scenario = new Scenario(steps);
      return reply(200, { loaded: steps.length });
    }
    if (op === "config") {
      configure(live, body as { faults?: string[]; variants?: string[] });
      return reply(200, { faults: live.env.faults.map((f) => f.id) });
    }
  } catch (e) {
    return reply(400, { error: (e as Error).message });
  }
  return reply(404, {
    error: `no control operation "${op}"; one of: state, journal, reset, scenario, config`,
  });
}
