import type { Fault } from "./fault.js";

// Like a server whose emoji handling knows the emoji blocks only: other 4-byte characters
// (CJK Extension B, U+20000-U+2FFFF) crash it. The name-domain case's 4-byte names and the
// generated names reach them.
const ASTRAL_CJK = /[\u{20000}-\u{2FFFF}]/u;

export const crashOnAstralCjk = {
  id: "crash-on-astral-cjk",
  title: "A group name with a CJK character outside the BMP crashes group_add (HTTP 500, plain text)",
  // An invalid request whose names carry such a character crashes too, instead of being refused:
  // the invalid-request rules its defects target (a field missing, a name over 30 bytes, counted
  // either way) fail.
  breaks: [
    "valid-request-accepted",
    "http-200",
    "envelope-json",
    "required-fields",
    "name-30-bytes",
    "name-bytes-not-chars",
  ],
  rewrite: ({ body, envelope }) => {
    const names = Array.isArray(body?.GroupName) ? body.GroupName : [];
    return names.some((n) => typeof n === "string" && ASTRAL_CJK.test(n))
      ? { status: 500, headers: { "content-type": "text/plain" }, body: "Internal Server Error" }
      : envelope;
  },
} satisfies Fault;
