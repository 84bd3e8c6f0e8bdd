import type { DeclaredFixtures } from "../../config/declared.js";
import type { CaseContext } from "../../judge/probe/context.js";
import type { SliceLeaser } from "../case.js";

/** The pool's interface over declared accounts: leases cycle, nothing is imported or reset. */
export class DeclaredPool {
  readonly prefix = "declared";
  private k = 0;
  private u = 0;
  constructor(readonly f: DeclaredFixtures) {}

  lease(): string {
    return this.f.users[this.k++ % this.f.users.length] as string;
  }

  /** Declared accounts are the target's own: the suite owns none. */
  owned(): readonly string[] {
    return [];
  }

  /** Declared accounts are what they are: no digits-only one is made. */
  leaseDigits(): string | undefined {
    return undefined;
  }

  async ghost(_t: CaseContext): Promise<string> {
    return this.f.unknown[this.u++ % this.f.unknown.length] as string;
  }

  /** Generated phases are not run on declared accounts: a slice is the declared accounts again. */
  slice(_s: number): SliceLeaser {
    return { prefix: this.prefix, lease: () => this.lease(), release: async () => {} };
  }

  async prepare(): Promise<void> {}
  async releaseAll(): Promise<void> {}
  async resetAll(): Promise<void> {}
}
