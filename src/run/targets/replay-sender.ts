import { SuiteError } from "../../core/kernel/errors.js";
import type { Exchange } from "../../core/kernel/exchange.js";
import { ApiClient, type OutgoingRequest, requestUrl, startExchange } from "../../transport/client.js";
import type { Redactor } from "../../transport/redact.js";
import type { Sender } from "../../transport/sender.js";
import { REPLAY_MISS_HEADER } from "./replay-server.js";

/**
 * The live client pointed at the replay server, with one addition: the first request the
 * recording cannot answer ends the replay (TIM_ERR_REPLAY_MISS), and every request after it is
 * refused without being sent, since later recorded answers would be out of context.
 */
export class ReplaySender implements Sender {
  private readonly api: ApiClient;
  private diverged: SuiteError | undefined;

  constructor(private readonly o: { baseUrl: string; timeoutMs: number; redactor: Redactor }) {
    this.api = new ApiClient(o);
  }

  async send(r: OutgoingRequest, signal?: AbortSignal): Promise<Exchange> {
    if (this.diverged) {
      const unsent = startExchange(0, r, requestUrl(this.o.baseUrl, r), this.o.redactor);
      return this.missed(unsent, this.diverged, true);
    }
    const ex = await this.api.send(r, signal);
    if (ex.response?.headers[REPLAY_MISS_HEADER] === undefined) return ex;
    const path = ex.request.url.replace(/^https?:\/\/[^/]+/, "");
    this.diverged = new SuiteError(
      "TIM_ERR_REPLAY_MISS",
      `${r.command}: the recording has no answer for ${path} with body ${ex.request.body.slice(0, 120)}`,
    );
    return this.missed(ex, this.diverged, false);
  }

  private missed(ex: Exchange, why: SuiteError, after: boolean): Exchange {
    const { response: _r, json: _j, ...rest } = ex;
    const message = after
      ? `${ex.command}: not replayed, the run left the recording earlier (${why.message})`
      : why.message;
    return { ...rest, error: { code: why.code, message } };
  }

  close(): Promise<void> {
    return this.api.close();
  }
}
