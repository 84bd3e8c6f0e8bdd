import { codesTagged } from "../core/contract/codes.js";
import { SuiteError } from "../core/kernel/errors.js";
import { bodyOf, type Exchange } from "../core/kernel/exchange.js";
import type { CaseContext } from "../judge/probe/context.js";

/**
 * Codes that mean "your credentials are wrong" (docs/sources/tencent-im-rest.md §3.4, §3.5, §5.2): when the
 * very first call of a run gets one, the settings are at fault, not the target.
 */
const AUTH_CODES: ReadonlySet<number> = new Set(codesTagged("auth"));

/** Turns a first answer refused for authentication into a configuration error naming the settings. */
export function credentialsRejected(ex: Exchange | undefined): SuiteError | undefined {
  const b = ex ? bodyOf(ex) : undefined;
  const code = b?.ErrorCode;
  if (typeof code !== "number" || !AUTH_CODES.has(code)) return undefined;
  return new SuiteError(
    "TIM_ERR_CONFIG",
    `TIM_SECRET_KEY / TIM_USERSIG: the target refuses the suite's credentials (${code} ${String(b?.ErrorInfo ?? "")}); check the key, TIM_SDKAPPID and TIM_IDENTIFIER (the App admin), and the region`,
  );
}

/**
 * With no fixtures the rules that need state cannot be judged, but the envelope
 * can: one valid group_add for an account that was never imported must still
 * come back as HTTP 200 with a well-formed envelope (refused with 30003, or
 * anything else well-formed). A target that answers garbage to everything is
 * thus judged (exit 1), not merely unjudged.
 */
export async function probeEnvelope(t: CaseContext, prefix: string): Promise<void> {
  await t.call("group_add", { From_Account: `${prefix}_probe`, GroupName: ["probe"] });
}
