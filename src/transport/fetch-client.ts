import { SuiteError } from "../errors.js";
import {
  completeExchange,
  failExchange,
  type OutgoingRequest,
  readCapped,
  requestUrl,
  startExchange,
} from "./client.js";
import type { Exchange } from "./exchange.js";
import type { Redactor } from "./redact.js";
import type { Sender } from "./sender.js";

/**
 * A sender over the global fetch. It exists for replays: nock 14 intercepts
 * node:http and fetch; this sender keeps replays apart from the live client.
 */
export class FetchClient implements Sender {
  private seq = 0;
  /** the first request the recording could not answer: after it, recorded answers are out of context */
  private diverged: SuiteError | undefined;

  constructor(private readonly o: { baseUrl: string; redactor: Redactor }) {}

  async send(r: OutgoingRequest, signal?: AbortSignal): Promise<Exchange> {
    const url = requestUrl(this.o.baseUrl, r);
    const ex = startExchange(++this.seq, r, url, this.o.redactor);
    const t0 = performance.now();
    if (this.diverged) {
      failExchange(
        ex,
        new SuiteError(
          "TIM_ERR_REPLAY_MISS",
          `${r.command}: not replayed, the run left the recording earlier (${this.diverged.message})`,
        ),
        r.command,
        this.o.redactor,
      );
      return ex;
    }
    try {
      // Sent without Content-Type: nock's reply functions JSON.parse a body marked as JSON and crash
      // the process on the malformed ones the suite sends on purpose. Replays match on path and
      // body only, and the exchange keeps the headers the case asked for.
      const res = await fetch(url, { method: "POST", body: r.body, ...(signal ? { signal } : {}) });
      const text = res.body
        ? await readCapped(
            res.body as unknown as AsyncIterable<Uint8Array>,
            r.command,
            () => void res.body?.cancel(),
          )
        : "";
      completeExchange(ex, res.status, Object.fromEntries(res.headers), text, this.o.redactor);
    } catch (err) {
      const msg = `${(err as Error)?.message ?? ""} ${String((err as { cause?: Error })?.cause?.message ?? "")}`;
      const miss = /No match for request/.test(msg)
        ? new SuiteError(
            "TIM_ERR_REPLAY_MISS",
            `${r.command}: the recording has no answer for ${ex.request.url.replace(/^https?:\/\/[^/]+/, "")} with body ${ex.request.body.slice(0, 120)}`,
          )
        : err;
      if (miss instanceof SuiteError) this.diverged = miss;
      failExchange(ex, miss, r.command, this.o.redactor);
    }
    ex.ms = performance.now() - t0;
    return ex;
  }

  async close(): Promise<void> {}
}
