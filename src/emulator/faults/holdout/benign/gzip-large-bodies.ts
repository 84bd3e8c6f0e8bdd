import type { Variant } from "../../fault.js";

// Benign: RFC 9110 §12.5.3 allows an unrequested content coding; real clients decode it (docs/sources/real-clients.md).
export const gzipLargeBodies = {
  id: "gzip-large-bodies",
  title: "Answers over 1 KB are sent with Content-Encoding: gzip, asked for or not",
  behaviour: { responseEncoding: "gzip", compressAbove: 1024 },
} satisfies Variant;
