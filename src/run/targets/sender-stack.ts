import type { Settings } from "../../config/settings.js";
import { ApiClient } from "../../transport/client.js";
import { Limiter } from "../../transport/limiter.js";
import type { Redactor } from "../../transport/redact.js";
import { ResilientSender } from "../../transport/resilient.js";
import type { Target } from "./open.js";
import { ReplaySender } from "./replay-sender.js";

/** node:http(s) for live targets and the replay server, behind the limiter, retries and the backup domain. */
export function senderFor(
  s: Pick<Settings, "timeoutMs" | "live">,
  target: Target,
  redactor: Redactor,
  notice: (what: string) => void,
): ResilientSender {
  const base = target.recording
    ? new ReplaySender({ baseUrl: target.baseUrl, timeoutMs: s.timeoutMs, redactor })
    : new ApiClient({ baseUrl: target.baseUrl, timeoutMs: s.timeoutMs, redactor });
  const backupUrl = s.live.backupUrl;
  return new ResilientSender(base, {
    limiter: new Limiter(s.live.rate),
    attempts: s.live.attempts,
    runBudget: s.live.runBudget,
    retryBudgetMs: s.live.retryBudgetMs,
    backoffMs: s.live.backoffMs,
    notice,
    ...(backupUrl && !target.recording
      ? {
          backup: {
            sender: new ApiClient({ baseUrl: backupUrl, timeoutMs: s.timeoutMs, redactor }),
            label: backupUrl,
          },
        }
      : {}),
  });
}
