import fc from "fast-check";
import { unknownId } from "../../../generate/accounts.js";
import { groupNames } from "../../../generate/names.js";
import { AddGroups } from "./add-groups.js";
import { Befriend } from "./befriend.js";
import { DeleteGroups } from "./delete-groups.js";
import { GetGroups } from "./get-groups.js";
import type { Model, Real } from "./model.js";
import { Unfriend } from "./unfriend.js";

/**
 * Random sequences of group_add, group_delete, group_get and friendship changes.
 * Adds are weighted up and sized so sequences reach the 32-group cap.
 */
export function commandSequences(
  accounts: string[],
  prefix: string,
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<Iterable<fc.AsyncCommand<Model, Real>>> {
  const to = fc.option(
    fc.uniqueArray(fc.oneof(fc.constantFrom(...accounts), unknownId(prefix)), { maxLength: 6 }),
    { nil: undefined },
  );
  const add = fc
    .tuple(groupNames({ minLength: 1, maxLength: 14, strict: true }), to)
    .map(([n, t]) => new AddGroups(n, t));
  return fc.commands(
    [
      add,
      add,
      add,
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }).map((p) => new DeleteGroups(p)),
      fc.constant(new GetGroups()),
      fc.nat().map((k) => new Befriend(k)),
      fc.nat().map((k) => new Unfriend(k)),
    ],
    // "large" so sequences are long enough to reach the cap; replayPath re-runs a shrunk one exactly.
    { maxCommands, size: "large", ...(replayPath ? { replayPath } : {}) },
  );
}
