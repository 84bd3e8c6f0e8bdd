import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { RunEvent } from "../../core/kernel/events.js";

/** What a shard's MAC covers: who wrote the log, which share it is, and every event in it. */
export interface SealedLog {
  tool: string;
  index: number;
  count: number;
  events: readonly RunEvent[];
}

const PREFIX = "hmac-sha256:";

/**
 * A key for shard logs only, derived from the app's secret key (RFC 5869 HKDF): the MAC never
 * reveals the secret key, and the secret key's other use (UserSigs, HMAC-SHA256 of another text)
 * never produces a shard MAC.
 */
function macKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secretKey, "tim-conformance", "shard-log/v1", 32));
}

/** The MAC of a shard's log (RFC 2104 HMAC-SHA256), over the log exactly as conformance.json holds it. */
export function sealOf(secretKey: string, log: SealedLog): string {
  const text = JSON.stringify([log.tool, log.index, log.count, log.events]);
  return PREFIX + createHmac("sha256", macKey(secretKey)).update(text).digest("hex");
}

/** Whether `mac` is this log's under `secretKey`, compared in constant time. */
export function sealHolds(secretKey: string, log: SealedLog, mac: string): boolean {
  const want = Buffer.from(sealOf(secretKey, log));
  const got = Buffer.from(mac);
  return want.length === got.length && timingSafeEqual(want, got);
}
