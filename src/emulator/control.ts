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
/** the characters of a body the journal keeps */
const JOURNAL_BODY = 2000;

/**
 * A request as it arrived, kept by reference: scrubbing it and judging it as a client's cost more
 * than answering it (issue 25: the journal was a measurable share of every answer), so both wait
 * until someone reads the journal, and never happen for requests nobody reads.
 */
export interface RawEntry {
  seq: number;
  /** milliseconds since the epoch */
  atMs: number;
  /** dropped once the view is made */
  req: EmuRequest | undefined;
  status?: number;
  /** for the client judge: the clock (Unix seconds) at arrival, and whether its random came before */
  seen?: ClientSeen;
  /** the verdict and scrubbed view, worked out once, on the first read */
  view?: JournalEntry;
}

/** What the client judge needs from the moment a request arrived, so it can judge it later, exactly. */
export interface ClientSeen {
  now: number;
  reused: boolean;
}

/** What the server keeps that the control API reads and changes: mutable, shared with the request path. */
export interface Live {
  state: State;
  env: EmuEnv;
  scenario: Scenario | undefined;
  /** a ring of the latest JOURNAL_MAX requests: `journalAt` is where the next one goes once full */
  journal: RawEntry[];
  journalAt: number;
  seq: number;
  /** every random seen, for the client judge's client-random-reused (only kept when one is wired in) */
  randoms: Set<string>;
  /** takes the credentials out of what the journal keeps */
  scrub: Scrubber;
}

export interface ControlHooks {
  /** judges a client's request (the client-side report); kept out of the emulator core */
  verdict?: (req: EmuRequest, seen: ClientSeen) => unknown[];
  /** checks a scenario before it is loaded (schema and scripted answers); throws with the reason */
  checkScenario?: (steps: unknown) => ScenarioStep[];
}

/** Keeps a request in the journal: a few fields by reference, nothing scrubbed, judged or formatted. */
export function record(live: Live, req: EmuRequest, hooks: ControlHooks): RawEntry {
  const entry: RawEntry = { seq: ++live.seq, atMs: Date.now(), req };
  if (hooks.verdict) {
    // The only order-dependent part of the client verdict: settled now, in arrival order.
    const random = req.query.random ?? "";
    entry.seen = { now: live.env.config.now(), reused: live.randoms.has(random) };
    live.randoms.add(random);
  }
  // A long body is not kept whole for a later read: its view is made now, from its first 2000 characters.
  if (req.body.length > JOURNAL_BODY) {
    viewOf(live, entry, hooks);
    entry.req = undefined;
  }
  if (live.journal.length < JOURNAL_MAX) live.journal.push(entry);
  else {
    live.journal[live.journalAt] = entry;
    live.journalAt = (live.journalAt + 1) % JOURNAL_MAX;
  }
  return entry;
}

/** One entry as the control API shows it: scrubbed (scrub.ts), with the client verdict when wired in. */
function viewOf(live: Live, e: RawEntry, hooks: ControlHooks): JournalEntry {
  const req = e.req;
  if (!e.view && req) {
    const s = live.scrub;
    const verdict = e.seen ? hooks.verdict?.(req, e.seen) : undefined;
    e.view = {
      seq: e.seq,
      at: new Date(e.atMs).toISOString(),
      method: req.method,
      path: s.text(req.path),
      query: s.query(req.query),
      body: s.text(req.body.slice(0, JOURNAL_BODY)),
      ...(verdict ? { verdict: JSON.parse(s.text(JSON.stringify(verdict))) as unknown[] } : {}),
    };
  }
  const view = e.view as JournalEntry;
  // The status is set once the answer is ready, which may be after a first read.
  return e.status === undefined ? view : { ...view, status: e.status };
}

/** The journal, oldest first, as the control API shows it. */
export function journalOf(live: Live, hooks: ControlHooks): JournalEntry[] {
  const ring = live.journal;
  const ordered =
    ring.length < JOURNAL_MAX ? ring : [...ring.slice(live.journalAt), ...ring.slice(0, live.journalAt)];
  return ordered.map((e) => viewOf(live, e, hooks));
}

/** Resets all state, or one account (its groups, friendships and sequence). */
export function reset(live: Live, account?: string): void {
  if (account === undefined) {
    const fresh = emptyState();
    live.state.users = fresh.users;
    live.state.appSeq = fresh.appSeq;
    live.journal.length = 0;
    live.journalAt = 0;
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
    if (op === "journal") return reply(200, { requests: live.seq, entries: journalOf(live, hooks) });
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
