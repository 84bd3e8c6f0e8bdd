import { expectationOf } from "../../core/contract/domain.js";
import type { Exchange } from "../../core/kernel/exchange.js";
import { type CaseContext, classesOf, outcomeOf } from "../probe/context.js";

/**
 * Judges what a call got by what specs/input-domain.json says its classes must get: the strictest
 * class decides (one invalid part makes the request invalid, one open part leaves it open), under
 * that class's rule. Open answers are reported, never judged. Whatever the call got, its effect is
 * read back and judged by the whole-effect oracle before the account changes again.
 */
export function judgeByDomain(t: CaseContext, ex: Exchange, what: string): void {
  const classes = classesOf(ex);
  const { expect, rule } = expectationOf(classes);
  if (expect === "open") {
    const open = classes.filter((c) => expectationOf([c]).expect === "open");
    t.observe(rule, `${open.join(", ")}: ${outcomeOf(ex)}`, ex);
  } else if (expect === "invalid" || expect === "invalid-should") t.expectRefused(rule, ex, what);
  else t.expectAccepted(rule, ex, what);
}
