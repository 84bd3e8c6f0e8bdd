/** MUST: the docs say so. SHOULD: inferred, or the live service bends it. OPEN: the docs leave it open. */
export type Level = "MUST" | "SHOULD" | "OPEN";

/** One entry of specs/rules.json. */
export interface Rule {
  id: string;
  title: string;
  level: Level;
  /** where the rule comes from: a public URL of the doc page, and a clause of it */
  source: string;
  /** the documentation clause, quoted */
  clause: string;
  /** for MUST and SHOULD rules: what the implementer changes to satisfy it (shown with every violation) */
  fix?: string;
  /** ids of the checks and cases that judge it */
  judgedBy: string[];
}
