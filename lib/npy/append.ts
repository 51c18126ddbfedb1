/**
 * Growing `.npy` files along the first axis: {@link appendNpy}, and
 * `append()` on a memmap from `openNpy(path, { mode: 'r+' })`.
 *
 * NumPy 2 writes headers with room for the first axis to grow to
 * `GROWTH_AXIS_MAX_DIGITS` digits, so the new shape is written over the old
 * header text in place: same length, same data offset. An older header is
 * rewritten in place too while the new text fits in its padding; when it
 * does not, {@link appendNpy} writes a new file beside it and renames it
 * over the old one (a memmap cannot: it maps the old file, so it refuses).
 *
 * Crash safety: the rows are written and synced before the header that
 * claims them, so a crash between the two leaves a header that claims
 * fewer rows than the file holds (np.load reads the rows it claims and
 * ignores the rest), never more.
 * @module
 */
import * as fs from 'fs';
import * as nodePath from 'path';
import { fromDescr, type DType } from '../dtype';
import { ValueError, repr } from '../errors';
import { shapeToSize } from '../layout';
import { pyShape } from '../format';
import { allocate, requireOpen, storageOf, NdArray as ArrayClass } from '../internal';
import type { NdArray } from '../ndarray';
import { copyAs } from '../copy';
import { MappedStorage, SMALL_WINDOW_STEP } from '../storage';
import * as grow from '../grow';
import { EmptyMappedStorage } from '../empty-mapping';
import { formatHeader, MAGIC_LEN, type NpyHeader, type NpyVersion } from './header';
import { readNpyHeader } from './read-header';

/** Bytes before the header text: magic, version, 2- or 4-byte length. */
function prefixLength(major: number): number {
  return MAGIC_LEN + (major === 1 ? 2 : 4);
}

/**
 * The header text for `shape`, padded to end exactly where `h`'s does (its
 * data offset stays), as the bytes of [prefix, dataOffset); null when it
 * does not fit.
 */
export function headerInPlace(h: NpyHeader, shape: readonly number[]): Uint8Array | null {
  let fresh: Uint8Array;
  try {
    // The file's own version: its prefix (length field) stays as it is.
    fresh = formatHeader({ descr: h.descr, fortranOrder: h.fortranOrder, shape, version: h.version as unknown as NpyVersion });
  } catch (e) {
    if (e instanceof ValueError) return null; // too long for a 1.0 length field
    throw e;
  }
  let end = fresh.length - 1; // drop '\n' and the padding spaces
  const start = prefixLength(fresh[6]);
  while (end > start && fresh[end - 1] === 0x20) end--;
  const text = fresh.subarray(start, end);
  const room = h.dataOffset - prefixLength(h.version[0]);
  if (text.length + 1 > room) return null;
  const out = new Uint8Array(room).fill(0x20);
  out.set(text, 0);
  out[room - 1] = 0x0a;
  return out;
}

/** What a growing .npy needs beyond its shape, checked once. */
interface Growable {
  h: NpyHeader;
  dt: DType;
  rowShape: number[];
  rowBytes: number;
}

function growableNpy(path: string, h: NpyHeader): Growable {
  let dt: DType;
  try {
    dt = fromDescr(h.descr);
  } catch (e) {
    throw new ValueError(`invalid .npy header in '${path}': ${(e as Error).message}`);
  }
  if (h.shape.length === 0) throw new ValueError(`cannot append to '${path}': it holds a 0-d array`);
  if (h.fortranOrder && h.shape.length > 1) throw new ValueError(`cannot append to '${path}': rows grow along the first axis of a C-order array, and it is Fortran-ordered`);
  // Rows as the memmap sees them: a subarray dtype's axes join the shape.
  const el = dt.shape.length > 0 ? dt.base : dt;
  const rowShape = [...h.shape.slice(1), ...dt.shape];
  return { h, dt: el, rowShape, rowBytes: shapeToSize(rowShape) * el.itemsize };
}

/** `values` as a C-contiguous array of rows of `g` (converting when needed), and its row count. */
function asRows(path: string, g: Growable, values: unknown): NdArray {
  const full = [...g.rowShape];
  if (values instanceof ArrayClass) {
    requireOpen(values);
    const el = values.dtype.shape.length > 0 ? values.dtype.base : values.dtype;
    let a = values;
    const tail = a.ndim === full.length + 1 ? a.shape.slice(1) : a.shape;
    if (tail.length !== full.length || tail.some((d, i) => d !== full[i])) {
      throw new ValueError(`appendNpy takes rows of shape ${pyShape(full)} for '${path}': an array of shape [k, ${full.join(', ')}] or one row, got shape ${pyShape(a.shape)}`);
    }
    if (a.ndim === full.length) a = a.reshape([1, ...a.shape]);
    if (!el.equals(g.dt) || !a.flags.cContiguous) a = copyAs(a, g.dt, 'C');
    return a;
  }
  if (!Array.isArray(values)) throw new TypeError(`appendNpy takes an NdArray or an array of rows (wrap a single row in [ ]), got ${repr(values)}`);
  const a = allocate(g.dt, [values.length, ...full]);
  if (values.length > 0) a.set(values);
  return a;
}

/** write() may take less than asked; loop, at absolute file positions. */
function writeAt(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) {
    done += fs.writeSync(fd, bytes, done, bytes.length - done, position + done);
  }
}

/** Writes `a`'s bytes (C-contiguous) at `position`, a window piece at a time. */
function writeArrayAt(fd: number, a: NdArray, position: number): void {
  const st = storageOf(a);
  for (let done = 0, n = a.nbytes; done < n; ) {
    const len = Math.min(n - done, SMALL_WINDOW_STEP);
    const w = st.window(a.offset + done, len);
    const from = a.offset + done - w.start;
    writeAt(fd, w.bytes.subarray(from, from + len), position + done);
    done += len;
  }
}

/**
 * Appends rows to a `.npy` file along its first axis: `values` is an NdArray
 * of shape `[k, ...shape.slice(1)]` (or one row; another dtype is cast) or a
 * JS array of k rows. Writes the rows after the data the header claims,
 * syncs them, then writes the new shape over the header in place; when an
 * old header has no room for it, writes the whole file anew beside the old
 * one and renames it over. The file stays loadable by `np.load` at every
 * step. Returns the new shape.
 */
export function appendNpy(path: string, values: NdArray | readonly unknown[]): number[] {
  const h = readNpyHeader(path);
  const g = growableNpy(path, h);
  const rows = asRows(path, g, values);
  const n = h.shape[0];
  const k = rows.shape[0];
  const shape = [n + k, ...h.shape.slice(1)];
  if (k === 0) return shape;
  const dataEnd = h.dataOffset + n * g.rowBytes;
  const header = headerInPlace(h, shape);
  if (header === null) {
    rewrite(path, h, g, rows, shape);
    return shape;
  }
  const fd = fs.openSync(path, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    if (size < dataEnd) throw new ValueError(`'${path}' is too short for its header: shape ${pyShape(h.shape)} needs ${dataEnd} bytes, the file has ${size}`);
    try {
      writeArrayAt(fd, rows, dataEnd);
      fs.fsyncSync(fd);
    } catch (e) {
      // A full disk or the file size limit (EFBIG; Node ignores SIGXFSZ) cut
      // the rows short: give the file back its old length, so no half row is
      // left after the data the header claims. (The header is not yet changed.)
      try {
        fs.ftruncateSync(fd, size);
      } catch {
        // The rows past the header's shape are not data; the file still loads.
      }
      const err = e as NodeJS.ErrnoException;
      if (typeof err.code === 'string' && err.path === undefined && typeof err.message === 'string') {
        err.message += ` (appending to '${path}'; the file was left as it was)`;
        err.path = path;
      }
      throw err;
    }
    writeAt(fd, header, prefixLength(h.version[0]));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return shape;
}

/** The header of a rewritten file: its version kept when it holds the new shape (a 1.0 file past 65535 bytes becomes 2.0). */
function rewrittenHeader(h: NpyHeader, shape: number[]): Uint8Array {
  const header = { descr: h.descr, fortranOrder: h.fortranOrder, shape };
  try {
    return formatHeader({ ...header, version: h.version as unknown as NpyVersion });
  } catch (e) {
    if (e instanceof ValueError) return formatHeader(header);
    throw e;
  }
}

/** The whole file anew (new header, old rows, new rows) beside the old one, then renamed over it. */
function rewrite(path: string, h: NpyHeader, g: Growable, rows: NdArray, shape: number[]): void {
  const header = rewrittenHeader(h, shape);
  const tmp = nodePath.join(nodePath.dirname(path), `.${nodePath.basename(path)}.${process.pid}.tmp`);
  const src = fs.openSync(path, 'r');
  let fd = -1;
  try {
    fd = fs.openSync(tmp, 'wx');
    writeAt(fd, header, 0);
    const oldBytes = h.shape[0] * g.rowBytes;
    const buf = Buffer.allocUnsafe(Math.min(Math.max(oldBytes, 1), 1 << 24));
    for (let done = 0; done < oldBytes; ) {
      const got = fs.readSync(src, buf, 0, Math.min(buf.length, oldBytes - done), h.dataOffset + done);
      if (got === 0) throw new ValueError(`'${path}' is too short for its header: shape ${pyShape(h.shape)} needs ${h.dataOffset + oldBytes} bytes`);
      writeAt(fd, buf.subarray(0, got), header.length + done);
      done += got;
    }
    writeArrayAt(fd, rows, header.length + oldBytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    fs.renameSync(tmp, path);
  } catch (e) {
    if (fd >= 0) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    fs.closeSync(src);
  }
  // The rename is durable once the directory is synced.
  const dir = fs.openSync(nodePath.dirname(path), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

/**
 * Makes `append()` on a memmap from `openNpy(path, { mode: 'r+' })` keep the
 * header in step (called by openNpy).
 */
export function trackNpyMemmap(m: NdArray, path: string, h: NpyHeader): void {
  const st = storageOf(m);
  if (!(st instanceof MappedStorage || st instanceof EmptyMappedStorage) || h.shape.length === 0 || (h.fortranOrder && h.shape.length > 1)) return;
  const at = prefixLength(h.version[0]);
  grow.setAppendHook(st, {
    check(rows) {
      if (headerInPlace(h, [rows, ...h.shape.slice(1)]) === null) {
        throw new ValueError(`the header of '${path}' has no room for ${rows} rows; close the memmap and use appendNpy(), which rewrites the file`);
      }
    },
    commit(rows, flush) {
      const header = headerInPlace(h, [rows, ...h.shape.slice(1)])!;
      flush(); // the rows reach the disk before the header that claims them
      const fd = fs.openSync(path, 'r+');
      try {
        writeAt(fd, header, at);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    },
  });
}
