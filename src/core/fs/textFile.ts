// Reading a text file from the disk, safely whatever the path names. A workspace can hold a FIFO,
// a symlink to /dev/zero or to a 2 GB file where a rules file, a baseline or a source is expected:
// only regular files are opened (checked before opening, and again on the open file), and never
// more than a cap is read. Text is decoded by its byte-order mark: UTF-8 (mark dropped), UTF-16 LE
// or BE; without a mark, UTF-8.
import * as fs from 'node:fs';

export type TextReadFailure = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export type TextRead =
  | { ok: true; text: string }
  /** `detail`: what is wrong in a few words ("a FIFO", "permission denied", "3.1 MB, over the 1 MB limit"). */
  | { ok: false; reason: TextReadFailure; detail: string };

/** No text file the engine reads is larger than this, whatever a caller asks for. */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;

const MB = 1024 * 1024;
/** Caps per kind of file (sources have their own: the rules' `maxFileSizeKb`). */
export const READ_LIMITS = {
  rules: 4 * MB,
  baseline: 64 * MB,
  snapshots: 64 * MB,
  /** tsconfig and jsconfig files, package.json manifests. */
  config: 16 * MB,
} as const;

const CHUNK_BYTES = 64 * 1024;

export function readDiskText(file: string, maxBytes: number = MAX_TEXT_BYTES): TextRead {
  const limit = Math.min(maxBytes, MAX_TEXT_BYTES);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    return failure(error);
  }
  if (!stat) return { ok: false, reason: 'missing', detail: 'no such file' };
  // Opening some devices has effects of its own (a tape rewinds, a FIFO waits for a writer).
  if (!stat.isFile()) return { ok: false, reason: 'not-a-file', detail: kindOf(stat) };
  if (stat.size > limit) return tooLarge(limit, stat.size);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return failure(error);
  }
  try {
    // The path may have been swapped for something else between the stat and the open.
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { ok: false, reason: 'not-a-file', detail: kindOf(opened) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      // A file that grows while read (or a /proc file that claims size 0) is still capped.
      if (total > limit) return tooLarge(limit);
    }
    return { ok: true, text: decodeText(Buffer.concat(chunks, total)) };
  } catch (error) {
    return failure(error);
  } finally {
    fs.closeSync(fd);
  }
}

/** Why a file was not read, as the end of a sentence naming it: "…: it is a FIFO (named pipe), not a regular file". */
export function readFailureText(read: Extract<TextRead, { ok: false }>): string {
  switch (read.reason) {
    case 'not-a-file':
      return `it is ${read.detail}, not a regular file`;
    case 'too-large':
      return `it is ${read.detail}`;
    case 'missing':
      return 'no such file';
    case 'unreadable':
      return read.detail;
  }
}

/** Text of file bytes, by their byte-order mark; UTF-8 without one. */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2, bytes.length - ((bytes.length - 2) % 2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - ((bytes.length - 2) % 2)));
    return swapped.swap16().toString('utf16le');
  }
  return bytes.toString('utf8');
}

/** "a directory", "a FIFO", "a character device"… for a path that is not a regular file. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function tooLarge(limit: number, size?: number): TextRead {
  return { ok: false, reason: 'too-large', detail: `${size === undefined ? 'larger than' : `${formatBytes(size)}, over`} the ${formatBytes(limit)} limit` };
}

function failure(error: unknown): TextRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', detail: 'no such file' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', detail: 'permission denied' };
  if (code === 'EISDIR') return { ok: false, reason: 'not-a-file', detail: 'a directory' };
  if (code === 'ELOOP') return { ok: false, reason: 'unreadable', detail: 'a symlink loop' };
  return { ok: false, reason: 'unreadable', detail: code ? `${code}: ${(error as Error).message.replace(/^\w+: /, '')}` : String(error) };
}

export function formatBytes(bytes: number): string {
  const oneDecimal = (n: number): string => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= 1024 * 1024) return `${oneDecimal(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
