import type { Variant } from "../../fault.js";

// Benign: RFC 9110 §12.5.3 allows an unrequested content coding; real clients decode it (docs/sources/real-clients.md).
export const deflateAllBodies = {
  id: "deflate-all-bodies",
  title: "Every answer is sent with Content-Encoding: deflate, asked for or not",
  behaviour: { responseEncoding: "deflate", compressAbove: 0 },
} satisfies Variant;
