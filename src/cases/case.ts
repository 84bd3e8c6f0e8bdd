import type { DeclaredFixtures } from "../config/declared.js";
import type { Runs } from "../config/settings.js";
import type { CaseContext } from "../judge/probe/context.js";
import type { SigMinter } from "../judge/probe/credentials.js";

// What a case is and what it is handed: the contract between the cases, the accounts and the run.

export interface CaseEnv {
  t: CaseContext;
  pool: AccountPool;
  /** the target implements group_add only: state cannot be read back (declared fixtures) */
  declared: boolean;
  /** the declared accounts, with --fixtures */
  declaredFixtures?: DeclaredFixtures;
  /** Unix seconds, from the run's injected clock */
  now: () => number;
  /** present when the suite holds the secret key */
  sig: SigMinter | undefined;
  adminSig: string;
  gen: GenerationPlan;
}

/** What the generated phases generate (seed, runs, a replayed path) and how they run it. */
export interface GenerationPlan {
  seed: number;
  runs: Runs;
  path?: string;
  replayPath?: string;
  /** the parts of this generated phase this run executes (a shard's share, or the replayed one) */
  parts: readonly number[];
  /** the phase's runs in all, and the runs of a part (the last part has what is left) */
  total: number;
  size: number;
  /** how many parts run at once */
  lanes: number;
}

/** A scenario: it drives the target and judges the rules it names. */
export interface Case {
  id: string;
  title: string;
  rules: readonly string[];
  /** classes of specs/input-domain.json the case is built to send (a test holds it to them; --explain shows them) */
  covers?: readonly string[];
  /** judged through group_add alone, so it runs against declared fixtures too */
  groupAddOnly?: boolean;
  /** a generated phase, cut into seeded parts of `size` runs of `runs` (src/cases/properties/cut.ts) that lanes and shards share out */
  parts?: { size: number; runs: keyof Runs };
  run(e: CaseEnv): Promise<void>;
}

/** Hands out accounts to a case or to one part of a generated phase. */
export interface Leaser {
  readonly prefix: string;
  lease(): string;
}

/** A slice's leaser: `release` resets what it leased, so the next part on the slice starts clean. */
export interface SliceLeaser extends Leaser {
  release(t: CaseContext): Promise<void>;
}

/** What cases need of the accounts: the suite's own pool, or declared ones. */
export interface AccountPool extends Leaser {
  /** every account the suite owns and resets between cases */
  owned(): readonly string[];
  /** a digits-only account (undefined against declared accounts) */
  leaseDigits(): string | undefined;
  /** slice `s` of the pool, for the parts of a generated phase that run on it (src/cases/properties/cut.ts) */
  slice(s: number): SliceLeaser;
  ghost(t: CaseContext): Promise<string>;
  prepare(t: CaseContext): Promise<void>;
  releaseAll(t: CaseContext): Promise<void>;
  resetAll(t: CaseContext): Promise<void>;
}
