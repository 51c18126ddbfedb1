/**
 * Growing mapped files: `Memmap.resize`, `Memmap.append`, `Memmap.refresh`.
 *
 * The array keeps its logical length in its shape; the file and the mapping
 * hold a capacity of at least that many bytes. `append` grows the capacity
 * geometrically (doubling, from 64 KiB), so n appends cost O(log n) remaps
 * and the rest is a copy into mapped memory; `close()` trims the file back to
 * the logical length. Until then the file holds zeros past the last record
 * (a reader following it sees them: follow a file written with exact sizes,
 * e.g. by `fs.appendFileSync` or `recordWriter`).
 *
 * Lifetimes, the part that must never go wrong:
 * - Growing maps the longer range anew and keeps the old mapping open until
 *   close() (MappedStorage.grow): views taken before, their cached windows
 *   and typed arrays obtained from them all stay valid and see the same
 *   bytes, since both mappings share the file's pages.
 * - Shrinking closes the array's mapping (all of it, old ones included)
 *   before it truncates the file, then maps the shorter range: views taken
 *   before throw `ERR_CLOSED` and their typed arrays become zero-length. No
 *   mapped page is ever left past the end of the file (touching one would
 *   raise SIGBUS).
 * - The file's bytes past the array are ours only when the array ends at the
 *   end of the file; growing anything else would overwrite what follows, so
 *   it is refused.
 * @module
 */
import * as fs from 'fs';
import { AccessError, ValueError, repr } from './errors';
import { checkShape, shapeToSize, shapeToStrides } from './layout';
import { liveMappingsOf, mapFile, pageSize, truncateUnmapped, type MappingHandle, type NativeMode } from './native';
import { derive, requireOpen, setLayout, shapeOf, storageOf, NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';
import { assign, fromValue } from './assign';
import { MappedStorage, SMALL_WINDOW_STEP, type Storage } from './storage';
import { EmptyMappedStorage } from './empty-mapping';

/** Smallest capacity `append` grows to, in bytes. */
export const MIN_CAPACITY = 64 * 1024;

/**
 * What a file format with a header (.npy) does around an append: `check`
 * the new row count before anything is written (throw to refuse), and
 * `commit` it after the rows are written; `flush` syncs the new rows to disk
 * and must run before the header that claims them is written.
 */
export interface AppendHook {
  check(rows: number): void;
  commit(rows: number, flush: () => void): void;
}

const appendHooks = new WeakMap<Storage, AppendHook>();

/** Installs `hook` for appends to `st`'s memmap (an empty memmap's storage passes it on when first mapped). */
export function setAppendHook(st: MappedStorage | EmptyMappedStorage, hook: AppendHook): void {
  appendHooks.set(st, hook);
}

/**
 * Storages whose file `append` extended past the logical length, with that
 * length in bytes: close() trims the file to it (whichever view closes).
 */
const grown = new WeakMap<MappedStorage, number>();

/** The hooks memmap.ts gives for its mapping accounting. */
export interface Remapped {
  /** A new, longer mapping replaced `st`'s (grow): both now count as mapped. */
  grew(st: MappedStorage, oldBytes: number): void;
  /** `oldSt` was closed and `newSt` opened in its place (shrink); a null `oldSt`: an empty memmap got its first mapping. */
  replaced(oldSt: MappedStorage | null, newSt: MappedStorage | null): void;
}

interface Writable {
  st: MappedStorage;
  path: string;
  mode: NativeMode;
  offset: number;
  rowShape: number[];
  rowBytes: number;
}

/** The empty storage each first mapping of an empty memmap replaced: close() closes it too (views taken while empty). */
const emptyBefore = new WeakMap<MappedStorage, EmptyMappedStorage>();

/** Closes the empty storage `st` replaced, if any (Memmap.close). */
export function closeEmptyBefore(st: MappedStorage): void {
  emptyBefore.get(st)?.close();
}

/**
 * Gives an empty memmap (nothing mapped: lib/empty-mapping.ts) its first
 * mapping, of `bytes` bytes at its offset ('r+' and 'w+' extend the file), in
 * place of the empty storage, after the checks a growing memmap gets.
 * `grows`: append's capacity, trimmed back to the logical length by close().
 */
function mapEmpty(m: NdArray, what: string, bytes: number, hooks: Remapped, grows: boolean): void {
  const st = storageOf(m) as EmptyMappedStorage;
  st.checkOpen();
  const info = st.mapping;
  if (m.base !== null) throw new ValueError(`${what}() changes the memmap itself; this is a view of it (of '${info.path}')`);
  if (grows && info.mode === 'r') throw new AccessError('ERR_READ_ONLY', `cannot ${what} a read-only ('r') memmap of '${info.path}'`);
  if (info.mode === 'c') throw new ValueError(`cannot ${what} a copy-on-write ('c') memmap of '${info.path}': its writes are private to its mapping`);
  if (m.ndim === 0) throw new ValueError(`cannot ${what} a 0-d memmap of '${info.path}'`);
  if (m.offset !== 0 || !m.flags.cContiguous) {
    throw new ValueError(`${what}() grows the first axis of a C-ordered memmap; '${info.path}' is mapped in another order`);
  }
  if (grows) {
    // As checkEndsFile: the file must end where the array does (or at the
    // filler byte NumPy's open left there).
    const size = fs.statSync(info.path).size;
    if (size !== info.offset && !(st.ownsTail && size === Math.max(info.offset, 1))) {
      throw new ValueError(
        `'${info.path}' has ${size - info.offset} more bytes after the array (file ${size} bytes, array ends at ${info.offset}); only an array that ends at the end of its file can grow`,
      );
    }
  }
  const handle = mapFile(info.path, info.mode === 'w+' ? 'r+' : info.mode, info.offset, bytes);
  const storage = new MappedStorage(handle, info, pageSize);
  hooks.replaced(null, storage);
  const hook = appendHooks.get(st);
  if (hook !== undefined) appendHooks.set(storage, hook);
  emptyBefore.set(storage, st);
  if (grows) grown.set(storage, 0);
  setShape(m, shapeOf(m), storage);
}

/** Checks `m` can change its length in place, and what it is made of. */
function growable(m: NdArray, what: string): Writable {
  const st = storageOf(m);
  if (!(st instanceof MappedStorage)) throw new ValueError(`${what}() needs a memmap over a file; this array is an in-memory copy`);
  st.checkOpen();
  const info = st.mapping;
  if (m.base !== null) throw new ValueError(`${what}() changes the memmap itself; this is a view of it (of '${info.path}')`);
  if (info.mode === 'r') throw new AccessError('ERR_READ_ONLY', `cannot ${what} a read-only ('r') memmap of '${info.path}'`);
  if (info.mode === 'c') throw new ValueError(`cannot ${what} a copy-on-write ('c') memmap of '${info.path}': its writes are private to its mapping`);
  if (m.ndim === 0) throw new ValueError(`cannot ${what} a 0-d memmap of '${info.path}'`);
  if (m.offset !== 0 || !m.flags.cContiguous) {
    throw new ValueError(`${what}() grows the first axis of a C-ordered memmap; '${info.path}' is mapped in another order`);
  }
  return { st, path: info.path, mode: info.mode, offset: info.offset, rowShape: m.shape.slice(1), rowBytes: shapeToSize(m.shape.slice(1)) * m.itemsize };
}

/** Refuses to grow a range that does not end at the end of its file: the bytes after it are someone else's. */
function checkEndsFile(w: Writable, logical: number): void {
  if (grown.has(w.st)) return;
  const size = fs.statSync(w.path).size;
  const end = w.offset + logical;
  if (size !== end) {
    throw new ValueError(
      `'${w.path}' has ${size - end} more bytes after the array (file ${size} bytes, array ends at ${end}); only an array that ends at the end of its file can grow`,
    );
  }
}

function setShape(m: NdArray, shape: readonly number[], storage: Storage = storageOf(m)): void {
  setLayout(m, storage, [...shape], shapeToStrides(shape, m.itemsize, 'C'));
  const st = storageOf(m) as MappedStorage;
  if (grown.has(st)) grown.set(st, m.nbytes);
}

/**
 * How many live mappings of `path` in this process (any thread) are not
 * `st`'s own: a truncation would take their pages away.
 */
export function otherMappings(st: MappedStorage, path: string): number {
  return Math.max(0, liveMappingsOf(path) - st.mappingCount);
}

/** The error of a shrink refused because other mappings read the file (the code memmap's 'w+' refusal throws). */
function mappedError(path: string, others: number): Error {
  const e = new Error(
    `cannot shrink '${path}': ${others} other live mapping${others === 1 ? '' : 's'} of it in this process would lose their pages past the new end (SIGBUS on the next read); close() them first`,
  ) as NodeJS.ErrnoException;
  e.code = 'ERR_MMARRAY_MAPPED';
  e.path = path;
  return e;
}

/** Maps a longer range in place of `w.st`'s current one (the file is extended by the native open). */
function growTo(w: Writable, capacity: number, hooks: Remapped, extend: boolean): void {
  const old = w.st.byteLength;
  const mode: NativeMode = w.mode === 'w+' ? 'r+' : w.mode; // never O_TRUNC a file we are using
  const handle: MappingHandle = mapFile(w.path, mode, w.offset, capacity);
  w.st.grow(handle);
  if (extend && !grown.has(w.st)) grown.set(w.st, old);
  hooks.grew(w.st, old);
}

/** `Memmap.resize`: see memmap.ts. */
export function resize(m: NdArray, shape: number | readonly number[], hooks: Remapped): void {
  const empty = storageOf(m);
  if (empty instanceof EmptyMappedStorage) {
    if (appendHooks.has(empty)) throw new ValueError(`resize() would leave the header of '${empty.mapping.path}' behind; a .npy memmap grows with append()`);
    const s = checkShape(typeof shape === 'number' ? [shape] : shape);
    const bytes = shapeToSize(s) * m.itemsize;
    if (bytes === 0) throw new ValueError(`cannot resize '${empty.mapping.path}' to an empty array (shape [${s.join(', ')}]): an empty file cannot be mapped`);
    mapEmpty(m, 'resize', bytes, hooks, true);
  }
  const w = growable(m, 'resize');
  if (appendHooks.has(w.st)) throw new ValueError(`resize() would leave the header of '${w.path}' behind; a .npy memmap grows with append()`);
  const s = checkShape(typeof shape === 'number' ? [shape] : shape);
  const bytes = shapeToSize(s) * m.itemsize;
  const logical = m.nbytes;
  if (bytes === 0) throw new ValueError(`cannot resize '${w.path}' to an empty array (shape [${s.join(', ')}]): an empty file cannot be mapped`);
  checkEndsFile(w, logical);
  if (bytes > w.st.byteLength) {
    growTo(w, bytes, hooks, false);
  } else if (bytes < logical) {
    // Another live mapping of the file (another memmap of it, in any thread)
    // would die of SIGBUS at its next read past the new end: refused before
    // anything changes, as memmap refuses 'w+' on a mapped file.
    const others = otherMappings(w.st, w.path);
    if (others > 0) throw mappedError(w.path, others);
    // Close first, so that no mapping reaches past the new end of file; the
    // truncation checks again under the mappings' lock (a worker may have
    // mapped the file since), and if one did, this array maps its file again.
    w.st.close();
    closeFd(w.st);
    const raced = truncateUnmapped(w.path, w.offset + bytes);
    if (raced > 0) {
      const again = new MappedStorage(mapFile(w.path, 'r+', w.offset, w.st.byteLength), { path: w.path, mode: w.mode, offset: w.offset }, pageSize);
      hooks.replaced(w.st, again);
      setShape(m, m.shape, again);
      throw mappedError(w.path, raced);
    }
    const storage = new MappedStorage(mapFile(w.path, 'r+', w.offset, bytes), { path: w.path, mode: w.mode, offset: w.offset }, pageSize);
    hooks.replaced(w.st, storage);
    setShape(m, s, storage);
    return;
  }
  // New elements read as zeros, as NumPy's resize fills them: the file was
  // extended with zeros (ftruncate), and nothing but append writes past the
  // logical length, moving the length along.
  setShape(m, s);
}

/** `Memmap.append`: see memmap.ts. */
export function append(m: NdArray, values: unknown, hooks: Remapped): void {
  // A list of rows is converted first, whole: reading it runs the caller's
  // code (getters of its items), which may append, resize or close `m`. The
  // row count, the capacity and the write position are read only after.
  // (Read after, a nested append's rows were overwritten and dropped.)
  let k0: number | null = null;
  if (Array.isArray(values)) {
    const rows = fromValue(values, m.dtype);
    k0 = rows.ndim === 0 ? 1 : rows.shape[0];
    values = rows;
  }
  requireOpen(m);
  const empty = storageOf(m);
  if (empty instanceof EmptyMappedStorage) {
    const rowBytes = shapeToSize(m.shape.slice(1)) * m.itemsize;
    if (rowBytes === 0) throw new ValueError(`append() needs rows of at least one byte; '${empty.mapping.path}' holds rows of shape [${m.shape.slice(1).join(', ')}] of ${m.dtype.str}`);
    mapEmpty(m, 'append', Math.ceil(MIN_CAPACITY / rowBytes) * rowBytes, hooks, true);
  }
  const w = growable(m, 'append');
  let k: number;
  if (values instanceof ArrayClass && k0 === null) {
    const rank = w.rowShape.length;
    const tail = values.ndim === rank + 1 ? values.shape.slice(1) : values.shape;
    if (tail.length === rank && tail.every((d, i) => d === w.rowShape[i])) k = values.ndim === rank + 1 ? values.shape[0] : 1;
    else {
      throw new ValueError(
        `append() takes rows of shape [${w.rowShape.join(', ')}]: an array of shape [k, ${w.rowShape.join(', ')}] or one row, got shape [${values.shape.join(', ')}]`,
      );
    }
  } else if (k0 !== null) {
    k = k0;
  } else {
    throw new TypeError(`append() takes an NdArray or an array of rows (wrap a single row in [ ]), got ${repr(values)}`);
  }
  if (k === 0) return;
  const n = m.shape[0];
  const hook = appendHooks.get(w.st);
  hook?.check(n + k);
  const logical = n * w.rowBytes;
  const need = (n + k) * w.rowBytes;
  if (!Number.isSafeInteger(need + w.offset)) throw new ValueError(`append() would make '${w.path}' larger than 2^53 bytes`);
  if (need > w.st.byteLength) {
    checkEndsFile(w, logical);
    // Whole rows, so that even a file left untrimmed (a crash) maps as rows.
    const cap = Math.ceil(Math.max(need, 2 * w.st.byteLength, MIN_CAPACITY) / w.rowBytes) * w.rowBytes;
    try {
      growTo(w, cap, hooks, true);
    } catch (e) {
      // The native open reserves the blocks it grows (ENOSPC now, not SIGBUS
      // at a store): when the spare capacity does not fit, the rows may still.
      const code = (e as NodeJS.ErrnoException).code;
      if (cap === need || (code !== 'ENOSPC' && code !== 'EDQUOT' && code !== 'EFBIG')) throw e;
      growTo(w, need, hooks, true);
    }
  }
  if (values instanceof ArrayClass && values.dtype.equals(m.dtype) && values.flags.cContiguous) {
    // The common case (a batch of the file's own records): written with
    // pwrite, which the mapping sees (one page cache). A store through the
    // mapping would take a write fault per fresh page, which costs more than
    // the copy itself. The source cannot overlap the target, which lies past
    // the logical end.
    writeBytes(values, w, logical, k * w.rowBytes);
  } else {
    const target = derive(m, ArrayClass.prototype, m.dtype, [k, ...w.rowShape], shapeToStrides([k, ...w.rowShape], m.itemsize, 'C'), logical);
    // assign converts every value before it stores one: a bad value leaves the
    // array as it was (the capacity may have grown; close() trims it).
    assign(target, values instanceof ArrayClass && k0 === null && values.ndim === w.rowShape.length ? values.reshape([1, ...values.shape]) : values);
  }
  setShape(m, [n + k, ...w.rowShape]);
  hook?.commit(n + k, () => {
    w.st.flush(logical, k * w.rowBytes);
    const h = fds.get(w.st);
    if (h !== undefined) fs.fdatasyncSync(h.fd);
  });
}

/** Writes the `n` bytes of C-contiguous `src` at [at, at + n) of the array's file range. */
function writeBytes(src: NdArray, w: Writable, at: number, n: number): void {
  const ss = storageOf(src);
  ss.checkOpen();
  const fd = fdOf(w);
  for (let done = 0; done < n; ) {
    const len = Math.min(n - done, SMALL_WINDOW_STEP);
    const sw = ss.window(src.offset + done, len);
    const from = src.offset + done - sw.start;
    done += fs.writeSync(fd, sw.bytes, from, len, w.offset + at + done);
  }
}

// One descriptor per growing storage for writeBytes, closed with the mapping
// (closeFd, from Memmap.close and a shrink) or when the storage is collected.
const fds = new WeakMap<MappedStorage, { fd: number }>();
const fdRegistry = new FinalizationRegistry<{ fd: number }>((h) => {
  if (h.fd >= 0) fs.closeSync(h.fd);
});

function fdOf(w: Writable): number {
  let h = fds.get(w.st);
  if (h === undefined) {
    h = { fd: fs.openSync(w.path, 'r+') };
    fds.set(w.st, h);
    fdRegistry.register(w.st, h, h);
  }
  return h.fd;
}

/** Closes the descriptor appends opened for `st`, if any. */
export function closeFd(st: MappedStorage): void {
  const h = fds.get(st);
  if (h === undefined) return;
  fds.delete(st);
  fdRegistry.unregister(h);
  const fd = h.fd;
  h.fd = -1;
  fs.closeSync(fd);
}

/**
 * Where close() must cut the file: offset + logical bytes when append grew it
 * past that, else null. Call before closing.
 */
export function trimPoint(m: NdArray): number | null {
  const st = storageOf(m);
  if (!(st instanceof MappedStorage) || st.closed) return null;
  const logical = grown.get(st);
  if (logical === undefined || st.byteLength <= logical) return null;
  return st.mapping.offset + logical;
}

/** `Memmap.refresh`: see memmap.ts. Returns the number of rows added. */
export function refresh(m: NdArray, hooks: Remapped): number {
  const empty = storageOf(m);
  if (empty instanceof EmptyMappedStorage && m.ndim > 0) {
    // Nothing mapped yet: map the whole rows the file holds now, if any.
    const info = empty.mapping;
    requireOpen(m);
    const rowBytes = shapeToSize(m.shape.slice(1)) * m.itemsize;
    const size = fs.statSync(info.path).size;
    const rows = rowBytes === 0 || size <= info.offset ? 0 : Math.floor((size - info.offset) / rowBytes);
    if (rows === 0) return 0;
    mapEmpty(m, 'refresh', rows * rowBytes, hooks, false);
    setShape(m, [rows, ...m.shape.slice(1)]);
    return rows;
  }
  const st = storageOf(m);
  if (!(st instanceof MappedStorage)) throw new ValueError('refresh() needs a memmap over a file; this array is an in-memory copy');
  st.checkOpen();
  const info = st.mapping;
  if (m.base !== null) throw new ValueError(`refresh() extends the memmap itself; this is a view of it (of '${info.path}')`);
  if (info.mode === 'c') throw new ValueError(`cannot refresh a copy-on-write ('c') memmap of '${info.path}': its private writes would not follow`);
  if (grown.has(st)) throw new ValueError(`refresh() follows a file another process writes; this memmap of '${info.path}' grows it itself (append)`);
  if (m.ndim === 0 || m.offset !== 0 || !m.flags.cContiguous) throw new ValueError(`refresh() extends the first axis of a C-ordered memmap; '${info.path}' is not one`);
  const rowShape = m.shape.slice(1);
  const rowBytes = shapeToSize(rowShape) * m.itemsize;
  const size = fs.statSync(info.path).size;
  const n = m.shape[0];
  if (size < info.offset + n * rowBytes) {
    throw new ValueError(`'${info.path}' shrank to ${size} bytes under its memmap of ${info.offset + n * rowBytes}: it was truncated or replaced`);
  }
  if (rowBytes === 0) return 0;
  const rows = Math.floor((size - info.offset) / rowBytes);
  if (rows === n) return 0;
  const bytes = rows * rowBytes;
  if (bytes > st.byteLength) {
    const old = st.byteLength;
    st.grow(mapFile(info.path, info.mode === 'w+' ? 'r+' : info.mode, info.offset, bytes));
    hooks.grew(st, old);
  }
  setShape(m, [rows, ...rowShape]);
  return rows - n;
}
