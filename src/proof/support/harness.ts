import { readFileSync } from "node:fs";
import { type RawSettings, resolveSettings } from "../../config/settings.js";
import type { RunEvent } from "../../core/kernel/events.js";
import { Tally } from "../../judge/verdict/tally.js";
import { runSuite } from "../../run/run.js";
import type { Target } from "../../run/targets/open.js";

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

/** Waits for a file a server writes whole once it is ready (the emulator's --ready-file and --pid-file). */
export async function waitForFile(file: string): Promise<string> {
  for (let k = 0; k < 400; k++) {
    try {
      const text = readFileSync(file, "utf8");
      if (text.endsWith("\n")) return text.trim();
    } catch {
      // not yet written
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${file} was never written`);
}
