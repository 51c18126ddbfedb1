/**
 * `memmap`: NumPy's `np.memmap` — an NdArray over a memory-mapped file.
 * @module
 */
import * as fs from 'fs';
import * as nodePath from 'path';
import { onAbort } from './abort-listeners';
import { dtype as toDType, isDType, type DType, type DTypeLike } from './dtype';
import { ValueError, repr } from './errors';
import { readOrder } from './order';
import { checkNdim, checkShape, shapeToSize, shapeToStrides } from './layout';
import { mapFile, pageSize, truncateUnmapped, type Advice, type MappingHandle, type NativeMode } from './native';
import { type INTERNAL, makeArray, requireOpen, storageOf } from './internal';
import { positionalOptions, readOptions } from './options';
import type { ElementAccess } from './element-access';
import { NdArray, registerArrayClass } from './ndarray';
import { checkPath, requireRegularFile } from './paths';
import { MappedStorage } from './storage';
import { EmptyMappedStorage, prepareEmptyFile } from './empty-mapping';
import type { ValueOf } from './value-types';
import { countMapping } from './stats';
import * as grow from './grow';

/** Every spelling NumPy accepts, mapped to the mode the mapping uses. */
const MODES: Readonly<Record<string, NativeMode>> = Object.freeze({
  r: 'r',
  readonly: 'r',
  'r+': 'r+',
  readwrite: 'r+',
  'w+': 'w+',
  write: 'w+',
  c: 'c',
  copyonwrite: 'c',
});

/** A memmap mode: `'r'` read-only, `'r+'` read-write, `'w+'` create or overwrite, `'c'` copy-on-write (or NumPy's long names). */
export type MemmapMode = 'r' | 'r+' | 'w+' | 'c' | 'readonly' | 'readwrite' | 'write' | 'copyonwrite';

/** Options of {@link memmap}. */
export interface MemmapOptions<D extends DTypeLike = DTypeLike> {
  /** Element type (default `'u1'`). */
  dtype?: D;
  /** Default `'r+'`, as in NumPy. */
  mode?: MemmapMode;
  /** Byte offset in the file where the array starts; need not be page aligned. */
  offset?: number;
  /** Required for `'w+'`; otherwise inferred from the file size as a 1-d array. */
  shape?: number | readonly number[];
  /** Memory order of the data in the file (default `'C'`). */
  order?: 'C' | 'F';
}

// Mappings dropped without close(): the native finalizers unmap them; this
// keeps the open-mapping count honest when that happens.
const registry = new FinalizationRegistry<number>((bytes) => countMapping(bytes, -1));

/**
 * An NdArray backed by a file mapping. Views of it (slices, fields,
 * `view(dtype)`) are Memmaps on the same mapping; after `close()` every one
 * of them throws `AccessError` ("mapping of '…' is closed") on access.
 */
export class Memmap<T = unknown> extends NdArray<T> {
  /** @internal Views are built by the library; the parameters are NdArray's, listed so no arguments array is spread. */
  constructor(token: typeof INTERNAL, acc: ElementAccess, base: NdArray | null, bits: number) {
    super(token, acc, base, bits);
  }

  /** The mapping behind this array, or null for a Memmap without a file (a copy). */
  private get mapped(): MappedStorage | null {
    const st = storageOf(this) as unknown;
    return st instanceof MappedStorage ? st : null;
  }

  /** The mapped file's path (null for a copy, which has no file). */
  get filename(): string | null {
    return storageOf(this).mapping?.path ?? null;
  }

  /** The mode the file was opened with (`'r'`, `'r+'`, `'w+'` or `'c'`; null for a copy). */
  get mode(): NativeMode | null {
    return storageOf(this).mapping?.mode ?? null;
  }

  /** File offset of the mapping's first byte (NumPy's `memmap.offset`; null for a copy). */
  get fileOffset(): number | null {
    return storageOf(this).mapping?.offset ?? null;
  }

  /** True once {@link close} ran. */
  get closed(): boolean {
    return storageOf(this).closed;
  }

  /** Writes changed pages of the whole mapping to the file (msync, blocking). Nothing to do for a copy. */
  flush(): void {
    const st = this.mapped;
    if (st === null) {
      requireOpen(this); // an empty memmap has nothing to write, but is closed like one
      return;
    }
    st.flush();
  }

  /** The same off the main thread; resolves when the data is on its way to disk. */
  flushAsync(): Promise<void> {
    const st = this.mapped;
    if (st === null) {
      try {
        requireOpen(this);
      } catch (e) {
        return Promise.reject(e);
      }
      return Promise.resolve();
    }
    return st.flushAsync();
  }

  /** Tells the kernel how the mapping will be read (`madvise`). Nothing to do for a copy. */
  advise(advice: Advice): void {
    const st = this.mapped;
    if (st === null) return;
    st.advise(advice);
  }

  /**
   * {@link close}: for a memmap, releasing the memory is unmapping the file
   * (also what `using m = memmap(...)` does at the end of its block). A copy
   * of a memmap (no file) frees its memory as NdArray's release() does.
   */
  override release(): void {
    if (this.mapped === null && !(storageOf(this) instanceof EmptyMappedStorage)) {
      super.release();
      return;
    }
    this.close();
  }

  /**
   * Unmaps the file. Every view becomes unusable (access throws); typed
   * arrays obtained from it become zero-length. Idempotent; nothing to do
   * for a copy.
   */
  close(): void {
    const st = this.mapped;
    const empty = storageOf(this);
    if (empty instanceof EmptyMappedStorage) empty.close();
    if (st === null || st.closed) return;
    // append() grew the file ahead of the data; it is cut back once nothing
    // maps it. Another live mapping of the file (another memmap of it) may
    // read that tail: then the file keeps its zeros past the data instead.
    let trim = grow.trimPoint(this);
    if (trim !== null && grow.otherMappings(st, st.mapping.path) > 0) trim = null;
    st.close();
    grow.closeFd(st);
    grow.closeEmptyBefore(st);
    // Under the mappings' lock: a mapping made since the check keeps the tail.
    if (trim !== null) truncateUnmapped(st.mapping.path, trim);
    registry.unregister(st);
    countMapping(st.byteLength, -1);
  }

  /**
   * Changes the array's shape and the file with it: the bytes stay where
   * they are (C order, as NumPy's `ndarray.resize`), new elements read as
   * zeros, a smaller shape truncates the file. Only for the memmap itself
   * (not a view), `'r+'`/`'w+'`, C order, and an array that ends at the end
   * of its file.
   *
   * Views: after growing, views taken before stay valid and see the same
   * bytes (the old mapping stays open until close()). After shrinking, they
   * throw `AccessError` `ERR_CLOSED`: their mapping is closed before the file
   * is cut, so nothing ever touches memory past the end of the file. A
   * shrink while another memmap of the file lives in this process (any
   * thread) throws `code: 'ERR_MMARRAY_MAPPED'` and changes nothing.
   */
  resize(shape: number | readonly number[]): void {
    grow.resize(this, shape, remapped);
  }

  /**
   * Appends rows along the first axis: `values` is an NdArray of shape
   * `[k, ...shape.slice(1)]` (or one row), or a JS array of k rows (wrap a
   * single record in `[ ]`). Converts every value before it writes one. The
   * file grows geometrically (doubling) ahead of the data and is trimmed
   * back by close(); views taken before stay valid, as for a growing
   * {@link resize}. On a memmap from `openNpy(path, { mode: 'r+' })` or
   * `createNpy` the header's shape follows each append (rows synced first;
   * see `appendNpy`).
   */
  append(values: NdArray | readonly unknown[]): void {
    grow.append(this, values, remapped);
  }

  /**
   * Re-reads the file's size and extends the first axis to the whole rows
   * now in it (a file another process appends to); returns how many rows
   * were added. Views taken before stay valid.
   */
  refresh(): number {
    return grow.refresh(this, remapped);
  }

  /**
   * The rows another process appends, as they arrive: polls the file's size
   * every `interval` ms (default 100) and yields a view of each run of new
   * whole rows. Ends when `signal` aborts or the memmap is closed.
   */
  async *follow(options: { interval?: number; signal?: AbortSignal } = {}): AsyncGenerator<this, void, undefined> {
    const interval = options.interval ?? 100;
    if (typeof interval !== 'number' || !(interval >= 0)) throw new RangeError(`interval must be a number of milliseconds >= 0, got ${repr(interval)}`);
    const signal = options.signal;
    while (!this.closed && !signal?.aborted) {
      const from = this.shape[0];
      if (this.refresh() > 0) {
        yield this.index(`${from}:${this.shape[0]}`);
        continue;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, interval);
        const stopListening = signal ? onAbort(signal, done) : undefined;
        function done(): void {
          clearTimeout(t);
          stopListening?.();
          resolve();
        }
      });
    }
  }

  /** `using m = memmap(...)` closes the mapping at the end of the block. */
  override [Symbol.dispose](): void {
    this.close();
  }
}
registerArrayClass(Memmap);

// Mapping accounting when grow.ts replaces a memmap's mapping: the count
// follows the array's current mapping (older ones, kept open for views taken
// before a growth, are unmapped by close()).
const remapped: grow.Remapped = {
  grew(st, oldBytes) {
    countMapping(oldBytes, -1);
    countMapping(st.byteLength, 1);
    registry.unregister(st);
    registry.register(st, st.byteLength, st);
  },
  replaced(oldSt, newSt) {
    if (oldSt !== null) {
      registry.unregister(oldSt);
      countMapping(oldSt.byteLength, -1);
    }
    if (newSt === null) return;
    countMapping(newSt.byteLength, 1);
    registry.register(newSt, newSt.byteLength, newSt);
  },
};

const OPTION_KEYS = ['dtype', 'mode', 'offset', 'shape', 'order'];

/**
 * The options of memmap(path, options) or memmap(path, dtype, options). A
 * dtype spec (a string, a DType, a field list, a dict with names/formats or a
 * subarray with base) is never mistaken for options: silently mapping bytes
 * as uint8 is what the positional habit would otherwise get.
 */
function memmapOptions(second: unknown, rest: readonly unknown[]): MemmapOptions {
  const isDTypeSpec =
    typeof second === 'string' ||
    isDType(second) ||
    Array.isArray(second) ||
    (second !== null && typeof second === 'object' && ('names' in second || 'formats' in second || 'base' in second));
  let options: unknown;
  if (isDTypeSpec || (second === null && rest.length > 0)) {
    // NumPy's positional mode, offset, shape and order after the dtype (np.memmap(p, 'f8', 'r', 0, (3,))),
    // or the options object; a null dtype is the default 'u1'.
    options = positionalOptions<MemmapOptions>('memmap', ['mode', 'offset', 'shape', 'order'], rest);
  } else {
    if (rest.some((v) => v !== undefined)) throw new TypeError(`memmap() takes its options object last, got ${rest.length} more argument(s) after it`);
    options = second;
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`memmap options must be an object { ${OPTION_KEYS.join(', ')} }, got ${repr(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key) || (isDTypeSpec && key === 'dtype')) {
      throw new TypeError(
        `unknown memmap option ${repr(key)}: expected ${isDTypeSpec ? 'mode, offset, shape, order after a dtype' : OPTION_KEYS.join(', ')}`,
      );
    }
  }
  // Each option read once (lib/options.ts): a getter cannot answer one thing to a check and another to the use.
  const o = readOptions(options as MemmapOptions, ['dtype', 'mode', 'offset', 'shape', 'order']);
  if (Array.isArray(o.shape)) o.shape = Array.from(o.shape);
  if (isDTypeSpec) o.dtype = second as DTypeLike;
  return o;
}

function normalizeMode(mode: unknown): NativeMode {
  if (typeof mode === 'string' && Object.prototype.hasOwnProperty.call(MODES, mode)) return MODES[mode];
  throw new ValueError(`mode must be one of ${Object.keys(MODES).map((m) => repr(m)).join(', ')} (got ${repr(mode)})`);
}

function checkOffset(v: unknown): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`offset must be a number, got ${repr(v)}`);
  if (!Number.isSafeInteger(v)) throw new RangeError(`offset must be an integer below 2^53, got ${v}`);
  if (v < 0) throw new RangeError(`offset must be >= 0, got ${v}`);
  return v;
}

/**
 * NumPy's `np.memmap(filename, dtype, mode, offset, shape, order)`: maps the
 * file (O(1) whatever its size) and returns an array over it, no copy.
 *
 * A call that fails leaves the file as it was. `'w+'` on a file this process
 * still maps throws `code: 'ERR_MMARRAY_MAPPED'` (truncating it would kill
 * that mapping); near `vm.max_map_count` it throws `'ERR_MMARRAY_MAP_LIMIT'`.
 * A path with a NUL byte is a TypeError (`ERR_INVALID_ARG_VALUE`); a FIFO,
 * socket or device is refused with `ENODEV`.
 */
export function memmap<const D extends DTypeLike = 'u1'>(path: string, options?: MemmapOptions<D>): Memmap<ValueOf<D>>;
/**
 * NumPy's positional habit, `np.memmap(path, dtype, mode, offset, shape,
 * order)`: the dtype as the second argument, then the rest positionally or
 * as options.
 */
export function memmap<const D extends DTypeLike>(
  path: string,
  dtype: D,
  mode?: MemmapMode | Omit<MemmapOptions, 'dtype'> | null,
  offset?: number | Omit<MemmapOptions, 'dtype'> | null,
  shape?: number | readonly number[] | Omit<MemmapOptions, 'dtype'> | null,
  order?: 'C' | 'F' | Omit<MemmapOptions, 'dtype'> | null,
  options?: Omit<MemmapOptions, 'dtype'>,
): Memmap<ValueOf<D>>;
export function memmap(path: string, second: MemmapOptions | DTypeLike | null = {}, ...rest: unknown[]): Memmap {
  return mapArray(path, memmapOptions(second, rest));
}

function mapArray(path: string, options: MemmapOptions): Memmap {
  // defaults → validate → interpret → native call
  checkPath(path);
  const mode = normalizeMode(options.mode ?? 'r+');
  const dt = toDType(options.dtype ?? 'u1');
  const offset = checkOffset(options.offset ?? 0);
  // NumPy's ndarray(buffer=…) lays out F for 'F' and C for 'C', 'A' or 'K'.
  const order = readOrder(options.order, 'C') === 'F' ? 'F' : 'C';
  const el = dt.shape.length > 0 ? dt.base : dt;
  let shape: number[];
  if (options.shape === undefined || options.shape === null) {
    if (mode === 'w+') throw new ValueError("shape must be given if mode == 'w+'");
    // One stat answers both "is it a regular file?" and "how big is it?".
    let st: fs.Stats;
    try {
      st = fs.statSync(path);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') err.message = `ENOENT: no such file or directory, open '${path}'`;
      throw err;
    }
    requireRegularFile(st, path);
    const size = st.size;
    // NumPy's ValueError: its shape comes out negative.
    if (offset > size) throw new ValueError(`negative dimensions are not allowed: offset ${offset} is past the end of '${path}' (${size} bytes)`);
    const bytes = size - offset;
    if (bytes % dt.itemsize !== 0) {
      throw new ValueError(
        `Size of available data is not a multiple of the data-type size: ${bytes} bytes of '${path}' after offset ${offset} for ${dt.str} (${dt.itemsize} bytes)`,
      );
    }
    shape = [bytes / dt.itemsize];
  } else {
    shape = checkShape(typeof options.shape === 'number' ? [options.shape] : options.shape);
  }
  checkNdim(shape.length + dt.shape.length);
  const fullShape = checkShape([...shape, ...dt.shape]);
  const nbytes = shapeToSize(fullShape) * el.itemsize;
  // NumPy keeps os.path.abspath(filename): a relative name still names the file after a chdir.
  const filename = nodePath.resolve(path);
  if (nbytes === 0) return emptyMemmap(filename, mode, offset, el, fullShape, order);
  if (nbytes + offset > Number.MAX_SAFE_INTEGER) {
    throw new ValueError(`array is too big: shape [${shape.join(', ')}] of ${dt.str} at offset ${offset} needs ${nbytes} bytes, more than 2^53 ('${path}')`);
  }
  let handle: MappingHandle;
  try {
    handle = mapFile(path, mode, offset, nbytes);
  } catch (e) {
    // The one range the native layer refuses here (offset and length are
    // checked above, so nothing overflows): a shape past the end of a file
    // 'r' or 'c' cannot extend. NumPy's ValueError from mmap, with the range
    // and the file named; the file is unchanged (checked before mapping).
    if ((e as { code?: unknown }).code === 'ERR_OUT_OF_RANGE') {
      throw new ValueError(`mmap length is greater than file size: ${(e as Error).message}`);
    }
    throw e;
  }
  const storage = new MappedStorage(handle, { path: filename, mode, offset }, pageSize);
  countMapping(nbytes, 1);
  registry.register(storage, nbytes, storage);
  return makeArray<Memmap>(
    {
      storage,
      dtype: el,
      shape: fullShape,
      strides: shapeToStrides(fullShape, el.itemsize, order),
      offset: 0,
      base: null,
      writeable: mode !== 'r',
      ownData: false,
    },
    Memmap.prototype,
  );
}

/** An empty array's memmap (NumPy >= 2.2, gh-27723): the file as NumPy leaves it, no mapping. */
function emptyMemmap(path: string, mode: NativeMode, offset: number, dt: DType, shape: readonly number[], order: 'C' | 'F'): Memmap {
  const ownsTail = prepareEmptyFile(path, mode, offset);
  return makeArray<Memmap>(
    {
      storage: new EmptyMappedStorage({ path, mode, offset }, ownsTail),
      dtype: dt,
      shape,
      // Contiguous strides, as np.ndarray over a buffer gives an empty array.
      strides: shapeToStrides(shape, dt.itemsize, order),
      offset: 0,
      base: null,
      writeable: mode !== 'r',
      ownData: false,
    },
    Memmap.prototype,
  );
}
