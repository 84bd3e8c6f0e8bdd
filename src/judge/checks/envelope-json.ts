import { EVERY_COMMAND, type ExchangeCheck, failWith, pass } from "./check.js";

// REST-intro: 应答包体 ... 必然包含 ActionStatus、ErrorInfo、ErrorCode — for every REST call, so the
// helper calls' answers too: garbage there is a broken promise, not only a reason the suite cannot go on.
export const envelopeJson = {
  id: "envelope-json",
  commands: EVERY_COMMAND,
  judge: ({ ex, res }) => {
    if (!ex.response) return undefined;
    if (!res)
      return failWith(`body is not a JSON object: ${JSON.stringify(ex.response.body.slice(0, 80))}`, {
        instancePath: "",
        expected: "a JSON object",
        actual: JSON.stringify(ex.response.body.slice(0, 80)),
      });
    const missing = ["ActionStatus", "ErrorCode", "ErrorInfo"].filter((k) => !(k in res));
    return missing.length === 0
      ? pass
      : failWith(`missing ${missing.join(", ")}`, {
          instancePath: `/${missing[0]}`,
          expected: "present",
          actual: "missing",
        });
  },
} satisfies ExchangeCheck;
