import type fc from "fast-check";
import { befriend } from "../../../judge/probe/calls.js";
import type { Model, Real } from "./model.js";

/** friend_import of one non-friend, never befriended or former (docs/sources/tencent-im-rest.md §2.3). */
export class Befriend implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}

  check(m: Readonly<Model>): boolean {
    return m.strangers.size + m.former.size > 0;
  }

  async run(m: Model, r: Real): Promise<void> {
    const pool = [...m.strangers, ...m.former];
    const s = pool[this.pick % pool.length] as string;
    await befriend(r.t, r.user, [s]);
    m.strangers.delete(s);
    m.former.delete(s);
    m.friends.add(s);
  }

  toString(): string {
    return `Befriend(${this.pick})`;
  }
}
