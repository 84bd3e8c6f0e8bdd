import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { gunzipSync } from "node:zlib";
import { configError, SuiteError } from "./errors.js";

/** The largest file the suite reads (a recording of a deep run is tens of MB), and what gzip may expand to. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
/** Small inputs: a certificate, a key, a .env file. */
export const MAX_SMALL_INPUT_BYTES = 1024 * 1024;

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? "error";

/** What a path is, in a person's words, when it is not a regular file. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "a special file";
}

/**
 * A file's bytes, only if it is a regular file within `max` bytes, checked on the open descriptor
 * before anything is read (issue 21): a device, a FIFO or a folder is exit 2 at once. The open does
 * not block (O_NONBLOCK: a FIFO with no writer would hold the main thread, and with it every signal).
 */
export function readInput(file: string, setting: string, max = MAX_INPUT_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    throw configError(setting, `cannot read ${file} (${errno(e)})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw configError(setting, `${file} is ${kindOf(st)}, not a regular file; name a file`);
    if (st.size > max)
      throw configError(
        setting,
        `${file} is ${st.size} bytes, over the limit of ${max}; name a smaller file`,
      );
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at);
  } catch (e) {
    if (e instanceof SuiteError) throw e;
    throw configError(setting, `cannot read ${file} (${errno(e)})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * A gzip file's content (others as they are), never more than `max` bytes of it: zlib stops at the
 * limit (issue 21: a 4 GB bomb had reached 8.5 GB of memory before it was refused).
 */
export function unpacked(bytes: Buffer, setting: string, file: string, max = MAX_INPUT_BYTES): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: max });
  } catch (e) {
    if (errno(e) === "ERR_BUFFER_TOO_LARGE")
      throw configError(setting, `${file} expands past ${max} bytes uncompressed; refused (a gzip bomb?)`);
    throw configError(setting, `${file} is not valid gzip (${errno(e)})`);
  }
}

/** A text input: a regular file within the limit, gzip unpacked with the same limit. */
export function readInputText(file: string, setting: string, max = MAX_INPUT_BYTES): string {
  return unpacked(readInput(file, setting, max), setting, file, max).toString("utf8");
}
