import { gzipSync } from "node:zlib";
import type { HoldoutFault } from "./holdout.js";

const LARGE = 1024;

// A compression filter (gzip_min_length 1k) whose Content-Encoding header is lost on the way out:
// answers over 1 KB arrive as gzip bytes the client reads as the body. Smaller ones are fine.
export const largeBodiesGzipUnlabelled = {
  id: "large-bodies-gzip-unlabelled",
  title: "Answers over 1 KB are gzip-compressed without a Content-Encoding header",
  class: "wire",
  promise: "Every answer's body, once its declared Content-Encoding is undone, is the JSON envelope.",
  clause:
    "真正的 API 调用错误码与错误信息在 HTTP 应答包体中返回 … 必然包含 ActionStatus、ErrorInfo、ErrorCode",
  source: "docs/sources/tencent-im-rest.md §3.2 (REST-intro)",
  neighbour: "gzip-large-bodies",
  allCommands: true,
  rewrite: ({ envelope }) => {
    const body = JSON.stringify(envelope);
    if (Buffer.byteLength(body) <= LARGE) return envelope;
    return { status: 200, headers: { "content-type": "application/json" }, body, raw: gzipSync(body) };
  },
} satisfies HoldoutFault;
