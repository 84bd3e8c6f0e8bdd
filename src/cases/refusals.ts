import { readFileSync } from "node:fs";
import { join } from "node:path";
import { specsDir } from "../core/contract/paths.js";
import { outcomeOf } from "../judge/probe/context.js";
import type { Case } from "./case.js";

/** One table-shaped case of specs/refusals.json (schemas/inputs/refusals.json says its shape). */
export interface RefusalSpec {
  id: string;
  title: string;
  rule: string;
  source: string;
  /** an OPEN rule that records how the marked bodies are refused */
  observe?: string;
  /** the classes of specs/input-domain.json its bodies are */
  covers?: string[];
  bodies: Array<{ what: string; body?: unknown; raw?: string; observe?: boolean }>;
}

/** specs/refusals.json, in its order. */
export const REFUSALS = (
  JSON.parse(readFileSync(join(specsDir, "refusals.json"), "utf8")) as { cases: RefusalSpec[] }
).cases;

/** The body with every "$user" string (or part of one) standing for the leased account. */
function withUser(v: unknown, user: string): unknown {
  if (typeof v === "string") return v.replaceAll("$user", user);
  if (Array.isArray(v)) return v.map((x) => withUser(x, user));
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withUser(x, user)]));
  return v;
}

/** The generic case: every body of the table is sent, and every one must be refused. */
export function refusalCase(spec: RefusalSpec): Case {
  return {
    id: spec.id,
    title: spec.title,
    rules: spec.observe ? [spec.rule, spec.observe] : [spec.rule],
    ...(spec.covers ? { covers: spec.covers } : {}),
    groupAddOnly: true,
    async run({ t, pool }) {
      const user = pool.lease();
      for (const b of spec.bodies) {
        const ex =
          b.raw !== undefined
            ? await t.call("group_add", undefined, { rawBody: b.raw.replaceAll("$user", user) })
            : await t.call("group_add", withUser(b.body, user));
        t.expectRefused(spec.rule, ex, b.what);
        if (b.observe && spec.observe) t.observe(spec.observe, `${b.what}: ${outcomeOf(ex)}`, ex);
      }
    },
  };
}

const byId = new Map(REFUSALS.map((s) => [s.id, refusalCase(s)]));

/** A table-shaped case by its id in specs/refusals.json. */
export function refusal(id: string): Case {
  const c = byId.get(id);
  if (!c) throw new Error(`specs/refusals.json has no case "${id}"`);
  return c;
}
