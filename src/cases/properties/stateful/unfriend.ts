import type fc from "fast-check";
import type { Model, Real } from "./model.js";

/** friend_delete of one friend, both ways: the friend leaves every group (docs/sources/tencent-im-rest.md §2.12). */
export class Unfriend implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}

  check(m: Readonly<Model>): boolean {
    return m.friends.size > 0;
  }

  async run(m: Model, r: Real): Promise<void> {
    const f = [...m.friends][this.pick % m.friends.size] as string;
    await r.t.fixture("friend_delete", {
      From_Account: r.user,
      To_Account: [f],
      DeleteType: "Delete_Type_Both",
    });
    m.friends.delete(f);
    m.former.add(f);
    for (const set of m.members.values()) set.delete(f);
  }

  toString(): string {
    return `Unfriend(${this.pick})`;
  }
}
