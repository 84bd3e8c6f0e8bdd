import type { Fault } from "./fault.js";

export const rejectsReusedRandom = {
  id: "rejects-reused-random",
  title: "A repeated `random` value is refused (a real client reuses one per process)",
  breaks: ["real-client-requests-accepted"],
  behaviour: { rejectReusedRandom: true },
} satisfies Fault;
