/**
 * Writing a whole file safely: a new file built under a temporary name beside
 * the target and renamed over it (replace.ts), and an array's bytes in C
 * order from any layout, a bounded piece at a time. Shared by saveNpy and
 * createNpy (npy.ts), `tofile` (tofile.ts) and savez (npz-write.ts); apart
 * from npy.ts so that those reach it without loading memmap.ts.
 * @module
 */
import * as fs from 'fs';
import * as nodePath from 'path';
import type { NdArray } from '../ndarray';
import { copyAs } from '../copy';
import { storageOf } from '../internal';
import { replacementOf, syncDirectory } from './replace';

/**
 * Runs `build` on a new temporary file beside `target`, fsyncs it and renames
 * it over `target` (keeping the old file's permission bits). The rename is the
 * one step that changes `target`; until it, any failure undoes `build`'s
 * result, removes the temporary file and leaves `target` untouched.
 */
export function replaceFile<T>(target: string, bytes: number, build: (fd: number, tmp: string) => T, undo: (result: T) => void = () => undefined): T {
  const { dest, tmp, mode } = replacementOf(target, bytes);
  // 'wx': O_EXCL, so the temporary name never clobbers (or follows a link to) anything.
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (typeof err.message === 'string') err.message += ` (the temporary file that would replace '${target}')`;
    throw err;
  }
  let built = false;
  let result: T | undefined;
  let done = false;
  try {
    try {
      result = build(fd, tmp);
      built = true;
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, dest);
    done = true;
  } catch (e) {
    // fd-based calls (write, ftruncate, fsync) name no file: say which one.
    const err = e as NodeJS.ErrnoException;
    if (typeof err.code === 'string' && err.path === undefined && typeof err.message === 'string') {
      err.message += ` (writing '${target}')`;
      err.path = target;
    }
    throw err;
  } finally {
    if (!done) {
      if (built) undo(result as T);
      fs.rmSync(tmp, { force: true });
    }
  }
  syncDirectory(nodePath.dirname(dest));
  return result as T;
}

/**
 * Bytes per write() and per C copy of a strided block. Below WINDOW_STEP, so
 * a piece always lies in one window of a mapping, and far below the 2 GiB a
 * single write() may transfer.
 */
const WRITE_CHUNK = 256 << 20;

/** Where {@link writeArray} puts each piece of bytes, in order. */
export type ByteSink = (bytes: Uint8Array, offset: number, length: number) => void;

/**
 * Hands `a`'s elements to `put` in C order: contiguous data straight from its
 * windows, strided data through C copies of at most WRITE_CHUNK bytes (whole
 * leading-axis blocks, or one row at a time when a row is larger).
 */
export function writeArray(a: NdArray, put: ByteSink): void {
  if (a.flags.cContiguous) {
    writeStorage(put, a, a.offset, a.nbytes);
    return;
  }
  if (a.nbytes <= WRITE_CHUNK) {
    const c = copyAs(a, a.dtype, 'C', false);
    writeStorage(put, c, c.offset, c.nbytes);
    return;
  }
  const n = a.shape[0];
  const rowBytes = a.nbytes / n;
  const per = Math.max(1, Math.floor(WRITE_CHUNK / rowBytes));
  for (let i = 0; i < n; i += per) {
    writeArray(per === 1 && a.ndim > 1 ? a.index(i) : a.index(`${i}:${Math.min(i + per, n)}`), put);
  }
}

/** Hands bytes [offset, offset + n) of `a`'s storage to `put`, one window piece at a time. */
function writeStorage(put: ByteSink, a: NdArray, offset: number, n: number): void {
  const st = storageOf(a);
  for (let pos = offset, end = offset + n; pos < end; ) {
    const len = Math.min(WRITE_CHUNK, end - pos);
    const w = st.single ?? st.window(pos, len);
    put(w.bytes, pos - w.start, len);
    pos += len;
  }
}

/** write() may transfer less than asked (Linux: at most 0x7ffff000 bytes); loop until done. */
export function writeAll(fd: number, bytes: Uint8Array, offset: number, length: number): void {
  for (let done = 0; done < length; ) {
    done += fs.writeSync(fd, bytes, offset + done, length - done);
  }
}
