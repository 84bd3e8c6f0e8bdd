import { checkInput, loadInput } from "../core/contract/inputs.js";
import { type Command, ENDPOINTS, validate } from "../core/contract/schemas.js";
import { SuiteError } from "../core/kernel/errors.js";
import type { ScenarioStep } from "../emulator/scenarios.js";

/**
 * A scenario as data: checked against schemas/inputs/scenario.json (the JSON
 * pointer of a bad field), and every scripted `json` answer against the
 * endpoint's response schema in schemas/, unless the step says `"malformed": true`.
 */
export function checkScenario(
  steps: unknown,
  source = "the scenario",
  setting = "--scenario",
): ScenarioStep[] {
  const ok = checkInput<ScenarioStep[]>("scenario", setting, source, steps);
  for (const [k, step] of ok.entries()) {
    const a = step.answer;
    if (typeof a !== "object" || !("json" in a) || a.malformed) continue;
    const command = (step.command ?? "group_add") as Command;
    if (!(ENDPOINTS as readonly string[]).includes(command)) continue;
    const issue = validate(command, "response", a.json)[0];
    if (issue)
      throw new SuiteError(
        "TIM_ERR_CONFIG",
        `${setting}: ${source}: /${k}/answer/json${issue.instancePath} ${issue.message} (schemas/${command}.json; say "malformed": true if it is broken on purpose)`,
      );
  }
  return ok;
}

export function loadScenario(file: string): ScenarioStep[] {
  return checkScenario(loadInput<unknown>("scenario", "--scenario", file), file);
}
