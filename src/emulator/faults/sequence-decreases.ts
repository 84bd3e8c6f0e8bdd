import type { Fault } from "./fault.js";

export const sequenceDecreases = {
  id: "sequence-decreases",
  title: "CurrentSequence counts down after each change",
  breaks: ["sequence-never-decreases", "sequence-moves-on-change"],
  allCommands: true,
  rewrite: ({ envelope }) =>
    typeof envelope.CurrentSequence === "number"
      ? { ...envelope, CurrentSequence: 1000 - envelope.CurrentSequence }
      : envelope,
} satisfies Fault;
