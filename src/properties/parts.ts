import type { GenerationPlan } from "../cases/case.js";
import { runsOfPart, seedOfPart } from "../config/parts.js";
import type { CaseContext } from "../runner/context.js";
import type { RunEvent } from "../runner/events.js";
import type { PropertySettings } from "./property.js";

/** One part of a generated phase, as its work sees it. */
export interface PartWork {
  /** the part's own context: its events are held back and given out in part order */
  t: CaseContext;
  part: number;
  /** the part's seed, its share of the runs and the replayed path */
  settings: PropertySettings;
}

/**
 * Runs the plan's parts of a generated phase, `lanes` at a time. Each part's events are
 * buffered and forwarded in part order once every earlier part is out, so the report of a run
 * is the same whatever the lanes and however the parts interleave on the wire. A suite error
 * stops the scheduling of further parts; the parts already running finish, and the error of
 * the lowest part is thrown after their events.
 */
export async function runParts(
  t: CaseContext,
  gen: GenerationPlan,
  runs: number,
  work: (w: PartWork) => Promise<void>,
): Promise<void> {
  // A replayed path names one run of one part: that part runs whatever its share would be.
  const todo = gen.parts.filter((p) => gen.path !== undefined || runsOfPart(runs, p) > 0);
  const buffers = new Map<number, RunEvent[] | "out">();
  const done = new Set<number>();
  const failures = new Map<number, unknown>();
  let next = 0;
  const flush = () => {
    for (const p of todo) {
      const b = buffers.get(p);
      if (b === "out") continue;
      if (!done.has(p)) return;
      for (const e of b ?? []) t.emitRaw(e);
      buffers.set(p, "out");
    }
  };
  const lane = async () => {
    while (failures.size === 0 && next < todo.length) {
      const part = todo[next++] as number;
      const events: RunEvent[] = [{ type: "part", caseId: t.caseId, part, edge: "start" }];
      buffers.set(part, events);
      const settings: PropertySettings = {
        seed: seedOfPart(gen.seed, part),
        runs: runsOfPart(runs, part),
        part,
        ...(gen.path !== undefined ? { path: gen.path } : {}),
      };
      try {
        await work({ t: t.derive((e) => events.push(e)), part, settings });
      } catch (e) {
        failures.set(part, e);
      }
      events.push({ type: "part", caseId: t.caseId, part, edge: "end" });
      done.add(part);
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(gen.lanes, todo.length)) }, lane));
  // Parts never started (a failure stopped the scheduling) are not flushed: nothing ran.
  for (const p of todo) if (!buffers.has(p)) done.add(p);
  flush();
  const first = todo.find((p) => failures.has(p));
  if (first !== undefined) throw failures.get(first);
}
