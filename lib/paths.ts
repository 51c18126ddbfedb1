/**
 * Paths and files as they enter the library. Every public entry that takes a
 * path (memmap, openNpy, readNpyHeader, createNpy, saveNpy) checks it here
 * before it touches anything, and refuses what only the native layer would
 * otherwise find out about late, or never:
 *
 * - A NUL byte: `open()` stops at it and acts on another file
 *   (`'important.bin\0.tmp'` is `'important.bin'`). Refused as Node's `fs`
 *   refuses it, a TypeError with `code: 'ERR_INVALID_ARG_VALUE'`.
 * - A file that is not a regular file: a FIFO blocks `open()` and `read()`
 *   until a writer comes (forever, for most), and nothing but a regular file
 *   can be mapped. Refused with an fs-shaped `ENODEV` error naming the file
 *   and what it is, the same one the native layer throws.
 * @module
 */
import * as fs from 'fs';
import { repr } from './errors';

/** Checks `path` is a non-empty string without NUL bytes; returns it. */
export function checkPath(path: unknown, name = 'path'): string {
  if (typeof path !== 'string' || path === '') throw new TypeError(`${name} must be a non-empty string, got ${repr(path)}`);
  if (path.includes('\0')) {
    const shown = path.replace(/\0/g, '\\x00');
    const e = new TypeError(`The argument '${name}' must be a string without null bytes. Received '${shown}'`) as TypeError & { code: string };
    e.code = 'ERR_INVALID_ARG_VALUE';
    throw e;
  }
  return path;
}

/** What a non-regular file is, for the error that refuses it. */
function fileKind(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function fsError(code: string, errno: number, text: string, path: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${text}, open '${path}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.errno = errno;
  e.syscall = 'open';
  e.path = path;
  return e;
}

/** Throws unless `st` (of `path`) is a regular file: EISDIR for a directory, ENODEV for the rest. */
export function requireRegularFile(st: fs.Stats, path: string, why = 'only regular files can be memory-mapped'): void {
  if (st.isFile()) return;
  if (st.isDirectory()) throw fsError('EISDIR', -21, 'is a directory', path);
  throw fsError('ENODEV', -19, `not a regular file (${fileKind(st)}): ${why}`, path);
}

/**
 * Opens `path` read-only and refuses anything but a regular file before any
 * read (`requireRegularFile`, with `why`). O_NONBLOCK: opening a FIFO would
 * wait for a writer; a socket cannot be opened at all (ENXIO) and is named as
 * what it is. Returns the descriptor, which the caller closes, and the size.
 */
export function openRegularFile(path: string, why?: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENXIO') requireRegularFile(fs.statSync(path), path, why);
    throw e;
  }
  try {
    const st = fs.fstatSync(fd);
    requireRegularFile(st, path, why);
    return { fd, size: st.size };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}
