import type fc from "fast-check";
import { expectationOf } from "../../../core/contract/domain.js";
import { answerKind, bodyOf, succeeded } from "../../../core/kernel/exchange.js";
import { judgeByDomain } from "../../../judge/oracles/domain.js";
import { judgeItems } from "../../../judge/oracles/judging.js";
import { classesOf } from "../../../judge/probe/context.js";
import { lower, type Model, type Real, relationOf, stopOnFailure } from "./model.js";
import { verifyAgainstModel } from "./verify.js";

/** group_add of new names, with To_Account drawn from friends, non-friends and unknown ids. */
export class AddGroups implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly names: string[],
    readonly to: string[] | undefined,
  ) {}

  // The model stays exact only with names the user does not have (an existing name is open).
  check(m: Readonly<Model>): boolean {
    const have = new Set(m.groups.map(lower));
    return this.names.every((n) => !have.has(lower(n)));
  }

  async run(m: Model, r: Real): Promise<void> {
    const before = r.t.mustFailures;
    const ex = await r.t.call("group_add", {
      From_Account: r.user,
      GroupName: this.names,
      ...(this.to ? { To_Account: this.to } : {}),
    });
    const total = m.groups.length + this.names.length;
    if (total > m.cap) {
      r.t.expectRefused(
        "group-cap-32",
        ex,
        `group_add of ${this.names.length} names on a user with ${m.groups.length}`,
      );
      await verifyAgainstModel(m, r, "a refused group_add");
      stopOnFailure(r.t, before);
      return;
    }
    // Names a filter might refuse, or whose fate the docs leave open, are judged by their classes
    // (specs/input-domain.json); the model follows whatever the target did with them.
    const what = `group_add of ${this.names.length} new names (${total} in all)`;
    if (expectationOf(classesOf(ex)).expect !== "valid") {
      judgeByDomain(r.t, ex, what);
      if (answerKind(ex) !== "accepted") {
        await verifyAgainstModel(m, r, "a group_add the target was free to refuse");
        stopOnFailure(r.t, before);
        return;
      }
    } else if (!r.t.expectAccepted("valid-request-accepted", ex, what)) {
      stopOnFailure(r.t, before);
      return;
    }
    const seq = bodyOf(ex)?.CurrentSequence;
    if (typeof seq === "number" && m.seq !== undefined)
      r.t.expect(
        "sequence-moves-on-change",
        seq > m.seq,
        `CurrentSequence ${m.seq} → ${seq} after adding groups`,
        ex,
        () => ({ instancePath: "/CurrentSequence", expected: `more than ${m.seq}`, actual: String(seq) }),
      );
    if (typeof seq === "number") m.seq = seq;
    // Each item against what the model knows of its account now: friend, never a friend, former, unknown.
    judgeItems(r.t, ex, this.to ?? [], (a) => relationOf(m, a));
    for (const n of this.names) {
      m.groups.push(n);
      m.members.set(n, new Set((this.to ?? []).filter((a) => m.friends.has(a))));
    }
    if (succeeded(ex)) await verifyAgainstModel(m, r, "group_add", this.names);
    stopOnFailure(r.t, before);
  }

  toString(): string {
    return `AddGroups(${JSON.stringify(this.names)}${this.to ? `, To_Account ${JSON.stringify(this.to)}` : ""})`;
  }
}
