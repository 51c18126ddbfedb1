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
import { allocate, type NdArray } from '../ndarray';
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
      `'${path}' is too short for its header: shape (${h.shape.join(', ')}) of ${dt.str} needs ${need} bytes, the file has ${size}`,
    );
  }
  if (count === 0 || dt.itemsize === 0) {
    const a = allocate(dt, h.shape, h.fortranOrder ? 'F' : 'C');
    if (mode === 'r') a.flags.writeable = false;
    return a;
  }
  return memmap(path, { dtype: dt, mode, offset: h.dataOffset, shape: h.shape, order: h.fortranOrder ? 'F' : 'C' });
}

/** NumPy's `dtype_to_descr`: the descr list for records, the dtype string otherwise. */
function descrOf(dt: DType): Descr {
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
    fs.writeSync(fd, header);
    if (array.size === 0) return;
    const src = fortranOrder ? array.transpose() : array;
    const rows = src.ndim === 0 ? [src] : null;
    const write = (a: NdArray): void => {
      // Contiguous runs are written straight from their window; the rest through a C copy.
      const c = a.flags.cContiguous ? a : copyAs(a, a.dtype, 'C', false);
      const w = c._st.single ?? c._st.window(c.offset, c.nbytes);
      const start = c.offset - w.start;
      fs.writeSync(fd, w.bytes, start, c.nbytes);
    };
    if (rows) write(rows[0]);
    else if (src.nbytes <= 1 << 30 || src.ndim === 1) writeChunked(src, write);
    else for (let i = 0; i < src.shape[0]; i++) write(src.index(i));
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a 1-d (or small) array in slices of at most 256 MiB. */
function writeChunked(a: NdArray, write: (a: NdArray) => void): void {
  if (a.ndim === 0 || a.nbytes <= 256 << 20) {
    write(a);
    return;
  }
  const per = Math.max(1, Math.floor((256 << 20) / (a.nbytes / a.shape[0])));
  for (let i = 0; i < a.shape[0]; i += per) write(a.index(`${i}:${Math.min(i + per, a.shape[0])}`));
}
