import type fc from "fast-check";
import type { Model, Real } from "./model.js";

/** group_delete of some of the user's groups (picked by index at run time). */
export class DeleteGroups implements fc.AsyncCommand<Model, Real> {
  constructor(readonly picks: number[]) {}

  check(m: Readonly<Model>): boolean {
    return m.groups.length > 0;
  }

  async run(m: Model, r: Real): Promise<void> {
    const names = [...new Set(this.picks.map((k) => m.groups[k % m.groups.length] as string))];
    const res = await r.t.fixture("group_delete", { From_Account: r.user, GroupName: names });
    if (typeof res.CurrentSequence === "number") m.seq = res.CurrentSequence;
    m.groups = m.groups.filter((g) => !names.includes(g));
    for (const n of names) m.members.delete(n);
  }

  toString(): string {
    return `DeleteGroups(${JSON.stringify(this.picks)})`;
  }
}
