import type { Fault } from "./fault.js";

export const sequenceStatic = {
  id: "sequence-static",
  title: "CurrentSequence never moves",
  breaks: ["sequence-moves-on-change"],
  behaviour: { bumpSeqOnChange: false },
} satisfies Fault;
