import type { Fault } from "./fault.js";

export const sequenceMissing = {
  id: "sequence-missing",
  title: "Successful group_add answers omit CurrentSequence",
  breaks: ["success-sequence"],
  rewrite: ({ envelope }) => {
    const { CurrentSequence: _dropped, ...rest } = envelope;
    return rest as typeof envelope;
  },
} satisfies Fault;
