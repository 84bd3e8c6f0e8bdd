import type { Runs } from "../config/settings.js";
import type { DeclaredFixtures } from "../fixtures/declared.js";
import type { CaseContext } from "../runner/context.js";

/** Mints UserSigs for the negative auth cases; absent when only TIM_USERSIG was given. */
export interface SigMinter {
  sdkappid: number;
  admin: string;
  /** the admin UserSig every normal call carries */
  adminSig: string;
  mint(o: { identifier: string; sdkappid?: number; time?: number; expire?: number; key?: string }): string;
  /** registers a string derived from a signature (a tampered copy) as a secret, and returns it */
  secret(derived: string): string;
  now(): number;
}

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
  /** the parts of each generated phase this run executes (a shard's share, or the replayed one) */
  parts: readonly number[];
  /** how many parts run at once */
  lanes: number;
}

/** A scenario: it drives the target and judges the rules it names. */
export interface Case {
  id: string;
  title: string;
  rules: readonly string[];
  /** judged through group_add alone, so it runs against declared fixtures too */
  groupAddOnly?: boolean;
  /** a generated phase, cut into seeded parts (src/config/parts.ts) that lanes and shards share out */
  parted?: boolean;
  run(e: CaseEnv): Promise<void>;
}

/** Hands out accounts to a case or to one part of a generated phase. */
export interface Leaser {
  readonly prefix: string;
  lease(): string;
}

/** What cases need of the accounts: the suite's own pool, or declared ones. */
export interface AccountPool extends Leaser {
  /** part `p` of a generated phase: accounts of its own, so parts can run at once */
  part(p: number): Leaser;
  ghost(t: CaseContext): Promise<string>;
  prepare(t: CaseContext): Promise<void>;
  releaseAll(t: CaseContext): Promise<void>;
  resetAll(t: CaseContext): Promise<void>;
}
