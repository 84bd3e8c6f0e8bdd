import type { OutgoingRequest } from "./client.js";
import type { Exchange } from "./exchange.js";

/** Anything that sends a request and returns the redacted exchange: undici, fetch (for nock), resilient wrappers. */
export interface Sender {
  send(r: OutgoingRequest): Promise<Exchange>;
  close(): Promise<void>;
}
