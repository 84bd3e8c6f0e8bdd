import type { EmuResponse } from "./types.js";

/**
 * A scripted answer for a client under test. Steps are used in order; each
 * applies to `count` calls (default 1) of its command (default group_add);
 * after the last step the emulator answers normally.
 */
export type Answer =
  | "success"
  | "partial"
  | "drop"
  | "http502"
  | { code: number; info?: string }
  | { slowMs: number }
  /** any JSON body; checked against schemas/ when loaded unless `malformed` says it is broken on purpose */
  | { json: unknown; status?: number; malformed?: boolean };

export interface ScenarioStep {
  command?: string;
  count?: number;
  /** "skip" answers without checking sdkappid, identifier and usersig (by default they are checked) */
  auth?: "check" | "skip";
  answer: Answer;
}

/** ErrorInfo texts for the codes a scenario is likely to ask for (https://cloud.tencent.com/document/product/269/10107; docs/sources/tencent-im-rest.md §3.4, §3.5). */
const INFO: Record<number, string> = {
  30001: "Err_SNS_GroupAdd_Param",
  30003: "Err_SNS_GroupAdd_From_Account_Not_Exist",
  30004: "需要 App 管理员权限",
  30006: "internal error, please retry",
  30007: "network timeout, please retry later",
  30008: "write conflict",
  30011: "Err_SNS_GroupAdd_Group_Count_Exceed_Limit",
  60007: "REST API call frequency limit exceeded",
  60011: "SDKAppID call frequency limit exceeded",
  60018: "too frequent",
  60019: "too frequent",
  70050: "UserSig failures, frequency limit: retry after 1 minute",
  70001: "UserSig expired",
  70003: "UserSig decode failed",
  70009: "UserSig verification failed",
  70013: "identifier does not match the UserSig",
  60010: "identifier is not the App admin",
};

const json = (body: unknown): EmuResponse => ({
  status: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const ok = (extra: Record<string, unknown> = {}) =>
  json({ ...extra, CurrentSequence: 1, ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ErrorDisplay: "" });

/** The scripted response, or "slow"/undefined to answer normally (after a wait for slow). */
export function scripted(answer: Answer, body: string): EmuResponse | { slowMs: number } {
  if (answer === "success") return ok();
  if (answer === "drop") return { status: 0, headers: {}, body: "", drop: true };
  if (answer === "http502")
    return {
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html><body><h1>502 Bad Gateway</h1></body></html>",
    };
  if (answer === "partial") {
    let to: string[] = [];
    try {
      const b = JSON.parse(body) as { To_Account?: unknown };
      to = Array.isArray(b.To_Account) ? b.To_Account.map(String) : [];
    } catch {
      // a body that does not parse gets a partial answer for one made-up account
    }
    if (to.length === 0) to = ["unknown_friend"];
    const items = to.map((a, k) =>
      k === 0 && to.length > 1
        ? { To_Account: a, ResultCode: 0, ResultInfo: "" }
        : { To_Account: a, ResultCode: 32216, ResultInfo: "Err_SNS_GroupAdd_ToTinyId_Not_Friend" },
    );
    return ok({
      ResultItem: items,
      Fail_Account: items.filter((i) => i.ResultCode !== 0).map((i) => i.To_Account),
    });
  }
  if ("slowMs" in answer) return answer;
  if ("json" in answer) return { ...json(answer.json), status: answer.status ?? 200 };
  return json({
    ActionStatus: "FAIL",
    ErrorCode: answer.code,
    ErrorInfo: answer.info ?? INFO[answer.code] ?? "scripted failure",
    ErrorDisplay: "",
  });
}

/** Hands out the steps in order. */
export class Scenario {
  private k = 0;
  private used = 0;
  constructor(private readonly steps: readonly ScenarioStep[]) {}

  /** The step that would answer this command now, without using it up. */
  peek(command: string): ScenarioStep | undefined {
    const step = this.steps[this.k];
    return step && (step.command ?? "group_add") === command ? step : undefined;
  }

  /** Uses up one call of the current step. */
  consume(): void {
    const step = this.steps[this.k];
    if (!step) return;
    this.used += 1;
    if (this.used >= (step.count ?? 1)) {
      this.k += 1;
      this.used = 0;
    }
  }

  /** The current step, 1-based (the client report says which step answered a request). */
  get position(): number {
    return this.k + 1;
  }

  /** Steps not yet used up, for the control API. */
  get remaining(): number {
    return Math.max(0, this.steps.length - this.k);
  }
}
