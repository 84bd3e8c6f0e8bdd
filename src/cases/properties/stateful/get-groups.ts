import type fc from "fast-check";
import type { Model, Real } from "./model.js";
import { stopOnFailure } from "./model.js";
import { verifyAgainstModel } from "./verify.js";

/** group_get, compared with the model. */
export class GetGroups implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }

  async run(m: Model, r: Real): Promise<void> {
    const before = r.t.mustFailures;
    await verifyAgainstModel(m, r, "group_get");
    stopOnFailure(r.t, before);
  }

  toString(): string {
    return "GetGroups";
  }
}
