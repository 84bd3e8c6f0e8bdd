import { errors } from "undici";
import { describe, expect, it } from "vitest";
import { classify } from "./client.js";

// Real lookups would leave loopback: the unknown-host path is checked on the error undici raises.
describe("transport error classification", () => {
  it.each([
    [
      "an unknown host",
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
      "a headers timeout",
      new errors.HeadersTimeoutError(),
      "TIM_ERR_TIMEOUT",
      "no answer within the timeout",
    ],
    ["a body timeout", new errors.BodyTimeoutError(), "TIM_ERR_TIMEOUT", "no answer within the timeout"],
    ["a connect timeout", new errors.ConnectTimeoutError(), "TIM_ERR_TIMEOUT", "connect timed out"],
    [
      "a reset socket",
      new errors.SocketError("other side closed"),
      "TIM_ERR_TRANSPORT",
      "transport failure (UND_ERR_SOCKET)",
    ],
  ])("maps %s to %s", (_what, err, code, what) => {
    expect(classify(err)).toEqual({ code, what });
  });
});
