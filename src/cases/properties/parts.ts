import type { RunEvent } from "../../core/kernel/events.js";
import type { CaseContext } from "../../judge/probe/context.js";
import type { AccountPool, GenerationPlan, Leaser } from "../case.js";
import { runsOfPart, seedOfPart, sliceOfPart } from "./cut.js";
import type { PropertySettings } from "./property.js";

/** One part of a generated phase, as its work sees it. */
export interface PartWork {
  /** the part's own context: its events are held back and given out in part order */
  t: CaseContext;
  part: number;
  /** the accounts of the part's slice of the pool, reset when the part ends */
  leaser: Leaser;
  /** the part's seed, its share of the runs and the replayed path */
  settings: PropertySettings;
}

/**
 * Runs the plan's parts of a generated phase, `lanes` at a time. A part runs on slice
 * p mod SLICES of the pool and waits for the part before it on that slice, so its accounts are
 * the same whatever the lanes. The oldest part not yet out passes its events straight through;
 * the others hold theirs until every earlier part is out. So the report is the same however the
 * parts interleave on the wire, and only the few parts running ahead are held in memory. A suite
 * error stops the scheduling of further parts; the parts already running finish, and the error of
 * the lowest part is thrown after their events.
 */
export async function runParts(
  t: CaseContext,
  gen: GenerationPlan,
  pool: AccountPool,
  work: (w: PartWork) => Promise<void>,
): Promise<void> {
  const buffers = new Map<number, RunEvent[]>();
  const done = new Set<number>();
  const failures = new Map<number, unknown>();
  const slices = new Map<number, Promise<void>>();
  const todo = gen.parts;
  let next = 0;
  /** index in todo of the oldest part not yet out: its events go straight through */
  let head = 0;
  const sink = (part: number) => (e: RunEvent) => {
    if (todo[head] === part) t.emitRaw(e);
    else buffers.get(part)?.push(e);
  };
  const advance = () => {
    while (head < todo.length && done.has(todo[head] as number)) {
      buffers.delete(todo[head] as number);
      head += 1;
      const p = todo[head];
      if (p === undefined) break;
      for (const e of buffers.get(p) ?? []) t.emitRaw(e);
      buffers.delete(p);
    }
  };
  const runPart = async (part: number): Promise<void> => {
    buffers.set(part, []);
    const emit = sink(part);
    emit({ type: "part", caseId: t.caseId, part, edge: "start" });
    const pt = t.derive(emit);
    const leaser = pool.slice(sliceOfPart(part));
    const settings: PropertySettings = {
      seed: seedOfPart(gen.seed, part),
      // A replayed path names one run of one part: the share does not matter then.
      runs: gen.path !== undefined ? 1 : runsOfPart(gen.total, part, gen.size),
      part,
      ...(gen.path !== undefined ? { path: gen.path } : {}),
    };
    try {
      await work({ t: pt, part, leaser, settings });
      await leaser.release(pt);
    } catch (e) {
      failures.set(part, e);
      // Left as they are, the slice's accounts would mislead the next part: reset them if the target answers.
      await leaser.release(pt).catch(() => undefined);
    }
    emit({ type: "part", caseId: t.caseId, part, edge: "end" });
    done.add(part);
    advance();
  };
  const lane = async () => {
    while (failures.size === 0 && next < todo.length) {
      const part = todo[next++] as number;
      const slice = sliceOfPart(part);
      const before = slices.get(slice) ?? Promise.resolve();
      const mine = before.then(() => (failures.size === 0 ? runPart(part) : undefined));
      slices.set(slice, mine);
      await mine;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(gen.lanes, todo.length)) }, lane));
  // Parts never started (a failure stopped the scheduling) have nothing to give out.
  for (const p of todo) done.add(p);
  advance();
  const first = todo.find((p) => failures.has(p));
  if (first !== undefined) throw failures.get(first);
}
