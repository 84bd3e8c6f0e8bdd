import { describe, expect, it } from "vitest";
import { classify } from "./client.js";

// Real lookups would leave loopback: the unknown-host path is checked on the errors node:http raises.
// Timeouts are the client's own deadline (an abort), judged before classify is asked.
describe("transport error classification", () => {
  it.each([
    [
      "an unknown host",
      Object.assign(new Error("getaddrinfo ENOTFOUND x"), { code: "ENOTFOUND" }),
      "TIM_ERR_UNREACHABLE",
      "cannot connect (ENOTFOUND)",
    ],
    [
      "an unknown host, wrapped",
      Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } }),
      "TIM_ERR_UNREACHABLE",
      "cannot connect (ENOTFOUND)",
    ],
    [
      "a DNS failure",
      Object.assign(new Error("x"), { code: "EAI_AGAIN" }),
      "TIM_ERR_UNREACHABLE",
      "cannot connect (EAI_AGAIN)",
    ],
    [
      "a refused port",
      Object.assign(new Error("x"), { code: "ECONNREFUSED" }),
      "TIM_ERR_UNREACHABLE",
      "cannot connect (ECONNREFUSED)",
    ],
    [
      "no route",
      Object.assign(new Error("x"), { code: "EHOSTUNREACH" }),
      "TIM_ERR_UNREACHABLE",
      "cannot connect (EHOSTUNREACH)",
    ],
    [
      "a connect timeout of the system",
      Object.assign(new Error("x"), { code: "ETIMEDOUT" }),
      "TIM_ERR_TIMEOUT",
      "connect timed out",
    ],
    [
      "a reset socket",
      Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      "TIM_ERR_TRANSPORT",
      "transport failure (ECONNRESET)",
    ],
    [
      "a TLS failure",
      Object.assign(new Error("wrong version number"), { code: "ERR_SSL_WRONG_VERSION_NUMBER" }),
      "TIM_ERR_TRANSPORT",
      "transport failure (ERR_SSL_WRONG_VERSION_NUMBER)",
    ],
    ["an error with no code", new RangeError("odd"), "TIM_ERR_TRANSPORT", "transport failure (RangeError)"],
  ])("maps %s to %s", (_what, err, code, what) => {
    expect(classify(err)).toEqual({ code, what });
  });
});
