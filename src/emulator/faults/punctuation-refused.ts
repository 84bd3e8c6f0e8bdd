import type { Fault } from "./fault.js";

// The docs restrict a name's length and emptiness only; a filter that refuses punctuation and
// markup breaks the SHOULD rule (a live word filter is possible, so it is a warning).
export const punctuationRefused = {
  id: "punctuation-refused",
  title: "Names holding ASCII punctuation or markup are refused with 30001",
  breaks: ["unusual-inputs-accepted"],
  behaviour: { refuseNamePunctuation: true },
} satisfies Fault;
