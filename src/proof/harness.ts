import { type RawSettings, resolveSettings } from "../config/settings.js";
import type { RunEvent } from "../kernel/events.js";
import { runSuite } from "../runner/run.js";
import type { Target } from "../targets/open.js";
import { Tally } from "../verdict/tally.js";

/** Runs the suite in-process and returns the folded verdicts (and, on request, every event). */
export async function runTally(
  raw: RawSettings,
  keep?: RunEvent[],
  onTarget?: (t: Target) => void,
): Promise<Tally> {
  const tally = new Tally();
  await runSuite({
    // A small generation budget: each fault run stays well under a second.
    settings: resolveSettings({ seed: "7", runs: "20", ...raw }),
    emit: (e) => {
      tally.listen(e);
      keep?.push(e);
    },
    ...(onTarget ? { onTarget } : {}),
  });
  return tally;
}

export const statusOf = (t: Tally): Record<string, string> =>
  Object.fromEntries(t.results().map((r) => [r.rule.id, r.status]));
