/**
 * `.npy` files: open one as a memmap (zero-copy), create one and get a
 * writable memmap over its data, or save any array.
 * @module
 */
import * as fs from 'fs';
import { dtype as toDType, fromDescr, type DType, type DTypeLike } from '../dtype';
import { ValueError } from '../errors';
import { checkShape, shapeToSize } from '../layout';
import { memmap, type Memmap } from '../memmap';
import { allocate, pyShape, type NdArray } from '../ndarray';
import { copyAs } from '../data';
import { formatHeader, headerLength, parseHeader, type Descr, type NpyHeader, type HeaderOptions } from './header';

/** Options of {@link openNpy}. */
export interface OpenNpyOptions extends HeaderOptions {
  /** `'r'` (default), `'r+'` or `'c'`. */
  mode?: 'r' | 'r+' | 'c';
}

/** Reads just the header of a `.npy` file. */
export function readNpyHeader(path: string, options: HeaderOptions = {}): NpyHeader {
  const fd = fs.openSync(path, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const prefix = Buffer.alloc(Math.min(12, size));
    fs.readSync(fd, prefix, 0, prefix.length, 0);
    if (prefix.length < 12) {
      // Let the header parser name the problem (bad magic or truncation).
      return parseHeader(prefix, path, options);
    }
    const need = headerLength(prefix, path, options);
    const bytes = Buffer.alloc(Math.min(need, size));
    fs.readSync(fd, bytes, 0, bytes.length, 0);
    return parseHeader(bytes, path, options);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens a `.npy` file (versions 1.0, 2.0, 3.0) as a memmap over its data
 * region: the dtype, shape and order come from the header, nothing is copied.
 * A file whose array is empty gives an empty in-memory array.
 */
export function openNpy(path: string, options: OpenNpyOptions = {}): Memmap | NdArray {
  const mode = options.mode ?? 'r';
  if (mode !== 'r' && mode !== 'r+' && mode !== 'c') {
    throw new ValueError(`mode must be 'r', 'r+' or 'c' for openNpy (got '${String(mode)}')`);
  }
  const h = readNpyHeader(path, options);
  let dt: DType;
  try {
    dt = fromDescr(h.descr);
  } catch (e) {
    throw new ValueError(`invalid .npy header in '${path}': ${(e as Error).message}`);
  }
  const size = fs.statSync(path).size;
  const count = shapeToSize(h.shape);
  const need = h.dataOffset + count * dt.itemsize;
  if (need > size) {
    throw new ValueError(
      `'${path}' is too short for its header: shape ${pyShape(h.shape)} of ${dt.str} needs ${need} bytes, the file has ${size}`,
    );
  }
  if (count === 0 || dt.itemsize === 0) {
    const a = allocate(dt, h.shape, h.fortranOrder ? 'F' : 'C');
    if (mode === 'r') a.flags.writeable = false;
    return a;
  }
  return memmap(path, { dtype: dt, mode, offset: h.dataOffset, shape: h.shape, order: h.fortranOrder ? 'F' : 'C' });
}

/** @internal NumPy's `dtype_to_descr`: the descr list for records, the dtype string otherwise (also lib/async.ts). */
export function descrOf(dt: DType): Descr {
  return dt.isStructured ? (dt.descr as unknown as Descr) : dt.str;
}

/** Options of {@link createNpy}. */
export interface CreateNpyOptions {
  /** Lay the data out column-major (`fortran_order: True`). */
  fortranOrder?: boolean;
}

/**
 * Writes a `.npy` header for `dtype` and `shape` (data aligned to 64 bytes)
 * and returns a `'r+'` memmap over the new, zero-filled data.
 */
export function createNpy(path: string, dtype: DTypeLike, shape: number | readonly number[], options: CreateNpyOptions = {}): Memmap {
  const dt = toDType(dtype);
  const s = checkShape(typeof shape === 'number' ? [shape] : shape);
  const fortranOrder = options.fortranOrder ?? false;
  const header = formatHeader({ descr: descrOf(dt), fortranOrder, shape: s });
  if (shapeToSize(s) * dt.itemsize === 0) throw new ValueError(`createNpy: cannot map an empty array (shape [${s.join(', ')}])`);
  fs.writeFileSync(path, header);
  return memmap(path, { dtype: dt, mode: 'r+', offset: header.length, shape: s, order: fortranOrder ? 'F' : 'C' });
}

/** Writes any array (strided views included) to a `.npy` file, C order unless the array is only F-contiguous. */
export function saveNpy(path: string, array: NdArray): void {
  array._st.checkOpen();
  const fortranOrder = array.flags.fContiguous && !array.flags.cContiguous && array.ndim > 1;
  const header = formatHeader({ descr: descrOf(array.dtype), fortranOrder, shape: array.shape });
  const fd = fs.openSync(path, 'w');
  try {
    writeAll(fd, header, 0, header.length);
    if (array.size === 0) return;
    writeArray(fd, fortranOrder ? array.transpose() : array);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Bytes per write() and per C copy of a strided block. Below WINDOW_STEP, so
 * a piece always lies in one window of a mapping, and far below the 2 GiB a
 * single write() may transfer.
 */
const WRITE_CHUNK = 256 << 20;

/**
 * Writes `a`'s elements in C order: contiguous data straight from its
 * windows, strided data through C copies of at most WRITE_CHUNK bytes (whole
 * leading-axis blocks, or one row at a time when a row is larger).
 */
function writeArray(fd: number, a: NdArray): void {
  if (a.flags.cContiguous) {
    writeStorage(fd, a, a.offset, a.nbytes);
    return;
  }
  if (a.nbytes <= WRITE_CHUNK) {
    const c = copyAs(a, a.dtype, 'C', false);
    writeStorage(fd, c, c.offset, c.nbytes);
    return;
  }
  const n = a.shape[0];
  const rowBytes = a.nbytes / n;
  const per = Math.max(1, Math.floor(WRITE_CHUNK / rowBytes));
  for (let i = 0; i < n; i += per) {
    writeArray(fd, per === 1 && a.ndim > 1 ? a.index(i) : a.index(`${i}:${Math.min(i + per, n)}`));
  }
}

/** Writes bytes [offset, offset + n) of `a`'s storage, one window piece at a time. */
function writeStorage(fd: number, a: NdArray, offset: number, n: number): void {
  const st = a._st;
  for (let pos = offset, end = offset + n; pos < end; ) {
    const len = Math.min(WRITE_CHUNK, end - pos);
    const w = st.single ?? st.window(pos, len);
    writeAll(fd, w.bytes, pos - w.start, len);
    pos += len;
  }
}

/** write() may transfer less than asked (Linux: at most 0x7ffff000 bytes); loop until done. */
function writeAll(fd: number, bytes: Uint8Array, offset: number, length: number): void {
  for (let done = 0; done < length; ) {
    done += fs.writeSync(fd, bytes, offset + done, length - done);
  }
}
