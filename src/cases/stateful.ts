import fc from "fast-check";
import { limits } from "../core/contract/limits.js";
import { befriend, clearGroups } from "../judge/probe/calls.js";
import type { Case } from "./case.js";
import { runParts } from "./properties/parts.js";
import { checkProperty } from "./properties/property.js";
import { commandSequences } from "./properties/stateful/commands.js";
import type { Model, Real } from "./properties/stateful/model.js";

const MAX_COMMANDS = 25;

// Model-based: random sequences against a model of one user's groups, checked after each step.
export const stateful = {
  id: "stateful",
  title: "Generated sequences of group_add, group_delete, group_get and friendship changes against a model",
  rules: [
    "group-cap-32",
    "valid-request-accepted",
    "group-add-creates-groups",
    "group-add-places-friends",
    "not-friend-fails-item",
    "failed-call-no-change",
    "sequence-moves-on-change",
  ],
  parts: { size: 5, runs: "stateful" },
  async run({ t: caseT, pool, gen }) {
    await runParts(caseT, gen, pool, async ({ t, leaser, settings }) => {
      const user = leaser.lease();
      const accounts = [leaser.lease(), leaser.lease(), leaser.lease(), leaser.lease()];
      const [f1, f2, s1, s2] = accounts as [string, string, string, string];
      await checkProperty({
        t,
        arbitrary: commandSequences(accounts, pool.prefix, MAX_COMMANDS, gen.replayPath),
        settings,
        describe: (cmds) => `sequence ${String(cmds)}`,
        // fast-check prints the sequence with /*replayPath="…"*/: without it a shrunk sequence does not replay.
        replayFlags: (cmds) => {
          const m = /replayPath="([^"]+)"/.exec(String(cmds));
          return m?.[1] ? ["--replay-path", m[1]] : [];
        },
        async judge(p, cmds) {
          // Every sequence starts from the same state: no groups, two friends, two non-friends.
          await clearGroups(p, user);
          await p.fixture("friend_delete", {
            From_Account: user,
            To_Account: accounts,
            DeleteType: "Delete_Type_Both",
          });
          await befriend(p, user, [f1, f2]);
          const model: Model = {
            groups: [],
            members: new Map(),
            friends: new Set([f1, f2]),
            strangers: new Set([s1, s2]),
            former: new Set(),
            seq: undefined,
            cap: limits.maxGroupsPerUser,
          };
          const real: Real = { t: p, user, prefix: pool.prefix };
          await fc.asyncModelRun(() => ({ model, real }), cmds);
        },
      });
    });
  },
} satisfies Case;
