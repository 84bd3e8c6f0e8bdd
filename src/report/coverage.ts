import { DOMAIN, type Expectation } from "../core/contract/domain.js";
import type { Tally } from "../judge/verdict/tally.js";

export interface ClassRow {
  id: string;
  title: string;
  expect: Expectation;
  /** requests of this class the run sent */
  sent: number;
  /** the rules that judged their answers */
  rules: string[];
}

export interface FieldRow {
  id: string;
  domain: string;
  source: string;
  classes: ClassRow[];
}

export interface Coverage {
  classes: number;
  exercised: number;
  percent: number;
  /** classes never sent, by id */
  missing: string[];
  fields: FieldRow[];
}

/**
 * The run's coverage of the documented input domain (specs/input-domain.json): every class with
 * how often it was sent and which rules judged the answers. A class never sent is a part of the
 * documented domain this run says nothing about.
 */
export function coverageOf(t: Tally): Coverage {
  const fields = DOMAIN.map((f) => ({
    id: f.id,
    domain: f.domain,
    source: f.source,
    classes: f.classes.map((c) => {
      const cov = t.coverage.get(c.id);
      return {
        id: c.id,
        title: c.title,
        expect: c.expect,
        sent: cov?.sent ?? 0,
        rules: [...(cov?.rules ?? [])].sort(),
      };
    }),
  }));
  const all = fields.flatMap((f) => f.classes);
  const exercised = all.filter((c) => c.sent > 0).length;
  return {
    classes: all.length,
    exercised,
    percent: all.length ? Math.floor((1000 * exercised) / all.length) / 10 : 100,
    missing: all.filter((c) => c.sent === 0).map((c) => c.id),
    fields,
  };
}
