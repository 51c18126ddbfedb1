/**
 * `.npy` files: open one as a memmap (zero-copy), create one and get a
 * writable memmap over its data, or save any array.
 * @module
 */
import * as fs from 'fs';
import { readKnownOptions, readOptions } from '../options';
import * as nodePath from 'path';
import { dtype as toDType, fromDescr, type DType, type DTypeLike } from '../dtype';
import { ValueError, repr } from '../errors';
import { checkShape, shapeToSize } from '../layout';
import { memmap, type Memmap } from '../memmap';
import type { ValueOf } from '../value-types';
import { pyShape } from '../format';
import type { NdArray } from '../ndarray';
import { trackNpyMemmap } from './append';
import { checkPath } from '../paths';
import type { MappedStorage } from '../storage';
import type { EmptyMappedStorage } from '../empty-mapping';
import { descrOf, formatHeader, parseHeader, type HeaderOptions, type NpyVersion } from './header';
import { replaceFile, writeAll, writeArray } from './write-file';
import { readNpyHeader } from './read-header';
import { requireOpen, storageOf } from '../internal';

export { readNpyHeader };

/** Options of {@link openNpy}. */
export interface OpenNpyOptions extends HeaderOptions {
  /** `'r'` (default), `'r+'` or `'c'`. */
  mode?: 'r' | 'r+' | 'c';
}

/**
 * Opens a `.npy` file (versions 1.0, 2.0, 3.0) as a memmap over its data
 * region: the dtype, shape and order come from the header, nothing is copied.
 * An empty array is a Memmap as well (NumPy >= 2.2), with nothing mapped.
 */
export function openNpy(path: string, options: OpenNpyOptions = {}): Memmap {
  checkPath(path);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`openNpy options must be an object { mode, maxHeaderSize }, got ${repr(options)}: the dtype and shape come from the file's header`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'mode' && key !== 'maxHeaderSize') {
      throw new TypeError(`unknown openNpy option ${repr(key)}: expected mode, maxHeaderSize (the dtype and shape come from the file's header)`);
    }
  }
  options = readOptions(options, ['mode', 'maxHeaderSize']);
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
  // The shape with the dtype's subarray axes, checked as memmap() checks it
  // (the header parser checked the shape alone).
  const el = dt.shape.length > 0 ? dt.base : dt;
  let count: number;
  try {
    count = shapeToSize(checkShape([...h.shape, ...dt.shape]));
  } catch (e) {
    throw new ValueError(`invalid .npy header in '${path}': ${(e as Error).message}`);
  }
  const need = h.dataOffset + count * el.itemsize;
  if (!Number.isSafeInteger(need)) {
    throw new ValueError(`invalid .npy header in '${path}': shape ${pyShape(h.shape)} of ${dt.str} needs more than 2^53 bytes`);
  }
  if (need > size) {
    // NumPy's wording first (np.load says the same), then ours.
    throw new ValueError(
      `Failed to read all data for array. Expected ${pyShape(h.shape)} = ${count} elements, ` +
        `could only read ${Math.floor(Math.max(0, size - h.dataOffset) / el.itemsize)} elements. (file seems not fully written?): ` +
        `'${path}' is too short for its header: shape ${pyShape(h.shape)} of ${dt.str} needs ${need} bytes, the file has ${size}`,
    );
  }
  // An empty array is a Memmap too (NumPy >= 2.2's open_memmap), with flush() and close().
  const m = memmap(path, { dtype: dt, mode, offset: h.dataOffset, shape: h.shape, order: h.fortranOrder ? 'F' : 'C' });
  if (mode === 'r+') trackNpyMemmap(m, path, h);
  return m;
}

/** Options of {@link saveNpy} and {@link saveNpyAsync}. */
export interface SaveNpyOptions {
  /**
   * The `.npy` format version to write, NumPy's `version=(1, 0)` as
   * `[1, 0]`: `[1, 0]`, `[2, 0]` or `[3, 0]`. Default (or `null`): the
   * oldest that holds the header, as NumPy's `version=None`. A header too
   * long for 1.0, or a field name that is not latin-1 under 1.0 or 2.0, is a
   * `ValueError` before the file is touched.
   */
  version?: NpyVersion | null;
}

/** Options of {@link createNpy}. */
export interface CreateNpyOptions extends SaveNpyOptions {
  /** Lay the data out column-major (`fortran_order: True`). */
  fortranOrder?: boolean;
}

/**
 * Writes a `.npy` header for `dtype` and `shape` (data aligned to 64 bytes)
 * and returns a `'r+'` memmap over the new, zero-filled data.
 *
 * Everything is validated before the file is touched, and the new file is
 * built aside (a temporary file in the same folder, grown and mapped there)
 * and renamed over `path` only once nothing can fail: a bad argument, a file
 * too large for the filesystem or a failed mapping leaves an existing file
 * at `path` as it was.
 */
export function createNpy<const D extends DTypeLike>(path: string, dtype: D, shape: number | readonly number[], options: CreateNpyOptions = {}): Memmap<ValueOf<D>> {
  if (typeof path !== 'string' || path === '') throw new TypeError(`path must be a non-empty string, got ${repr(path)}`);
  checkPath(path);
  const dt = toDType(dtype);
  const s = checkShape(typeof shape === 'number' ? [shape] : shape);
  const o = readKnownOptions(options, ['fortranOrder', 'version'], 'createNpy');
  const fortranOrder = o.fortranOrder ?? false;
  if (typeof fortranOrder !== 'boolean') throw new TypeError(`fortranOrder must be a boolean, got ${repr(fortranOrder)}`);
  const header = formatHeader({ descr: descrOf(dt), fortranOrder, shape: s, version: o.version });
  const nbytes = shapeToSize(s) * dt.itemsize;
  if (header.length + nbytes > Number.MAX_SAFE_INTEGER) {
    throw new ValueError(`array is too big: shape ${pyShape(s)} of ${dt.str} needs ${nbytes} bytes after a ${header.length}-byte header, more than 2^53 ('${path}')`);
  }
  const m = replaceFile(
    path,
    // No free-space check here: the native open that grows the file says
    // EFBIG for a size past the filesystem's limit, then ENOSPC (fallocate)
    // for one past its free space, before any block is taken.
    0,
    (fd, tmp) => {
      writeAll(fd, header, 0, header.length);
      // A size past the filesystem's limit fails here (EFBIG, no block taken);
      // then the file goes back to its header, and the mapping below grows it
      // to header + data reserving the blocks (a full disk is ENOSPC there,
      // not SIGBUS at the first store).
      fs.ftruncateSync(fd, header.length + nbytes);
      fs.ftruncateSync(fd, header.length);
      // An empty array is a Memmap too (NumPy >= 2.2's open_memmap), over no mapping.
      const m = memmap(tmp, { dtype: dt, mode: 'r+', offset: header.length, shape: s, order: fortranOrder ? 'F' : 'C' });
      // The mapping was made under the temporary name; once renamed it lives at `path`.
      (storageOf(m) as MappedStorage | EmptyMappedStorage).renamed(nodePath.resolve(path));
      return m;
    },
    (mm) => mm.close(),
  );
  // Our own header: no cap (its text is at most header.length characters).
  trackNpyMemmap(m, path, parseHeader(header, path, { maxHeaderSize: header.length }));
  return m as Memmap<ValueOf<D>>;
}

/**
 * Writes any array (strided views included) to a `.npy` file, C order unless
 * the array is only F-contiguous.
 *
 * The file is replaced atomically: the data goes to a temporary file in the
 * same folder, is fsync'ed and then renamed over `path`. So `path` is never
 * truncated while `array` (or any other live mapping) may still read from it
 * — saving a memmap over its own file is safe — and a failure leaves the old
 * file as it was (the temporary file is removed). A symbolic link at `path`
 * is followed: its target is replaced.
 */
export function saveNpy(path: string, array: NdArray, options: SaveNpyOptions = {}): void {
  checkPath(path);
  requireOpen(array);
  const { version } = readKnownOptions(options, ['version'], 'saveNpy');
  const fortranOrder = array.flags.fContiguous && !array.flags.cContiguous && array.ndim > 1;
  const header = formatHeader({ descr: descrOf(array.dtype), fortranOrder, shape: array.shape, version });
  replaceFile(path, header.length + array.nbytes, (fd) => {
    writeAll(fd, header, 0, header.length);
    if (array.size !== 0) writeArray(fortranOrder ? array.transpose() : array, (bytes, offset, length) => writeAll(fd, bytes, offset, length));
  });
}
