/**
 * Flat indices and coordinates: NumPy's `np.unravel_index` and
 * `np.ravel_multi_index`.
 *
 * A flat index `i` into an array of shape `dims` in C order is
 * `((c0 * d1 + c1) * d2 + c2) …`; in F order the axes count the other way.
 * `unravelIndex` turns flat indices (what `argmax()`, `argmin()` or
 * `flatnonzero` give) back into one coordinate array per axis;
 * `ravelMultiIndex` turns coordinate arrays (broadcast together) into flat
 * indices, e.g. the cell number of a 2-D histogram for `bincount`.
 *
 * Inputs may be any integer or bool arrays (cast to int64 as NumPy casts them
 * to intp, unsafely), JS numbers, bigints or lists of them; results are new
 * int64 arrays shaped like the (broadcast) input: 0-d for scalar input, where
 * NumPy returns `np.int64` scalars. Arithmetic is exact: numbers while the
 * total size fits 2^53, bigints past it.
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError, repr } from './errors';
import { readCOrF } from './order';
import { positionalOptions, readKnownOptions } from './options';
import { isArray } from './internal';
import { asarray } from './array-coerce';
import { zeros, broadcastTo } from './create';
import { broadcastShape, kOrder, kOrderStrides } from './broadcast';
import { asStrided } from './views';
import { checkNdim } from './layout';
import { ravelByKernels } from './flat-index';

/** Options of {@link unravelIndex}. */
export interface UnravelIndexOptions {
  /** `'C'` (default): the last axis varies fastest; `'F'`: the first. */
  order?: 'C' | 'F';
}

/** How {@link ravelMultiIndex} treats a coordinate outside its axis. */
export type RavelMode = 'raise' | 'wrap' | 'clip';

/** Options of {@link ravelMultiIndex}. */
export interface RavelMultiIndexOptions {
  /** `'raise'` (default, a `ValueError`), `'wrap'` (modulo the axis) or `'clip'`; one mode, or one per axis. */
  mode?: RavelMode | readonly RavelMode[];
  /** `'C'` (default) or `'F'`, as in {@link unravelIndex}. */
  order?: 'C' | 'F';
}

const INTP_MAX = 2n ** 63n - 1n;
const MODES: readonly string[] = ['raise', 'wrap', 'clip'];

function readDims(fn: string, dims: unknown): number[] {
  const list = typeof dims === 'number' ? [dims] : dims;
  if (!Array.isArray(list)) throw new TypeError(`${fn}(): dims must be an integer or a list of integers, got ${repr(dims)}`);
  // NumPy's NPY_MAXDIMS, checked before the walk: a million dims of 1 made a million result arrays (17 s).
  checkNdim(list.length);
  return list.map((d: unknown) => {
    const v = typeof d === 'bigint' ? Number(d) : d;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new TypeError(`${fn}(): dims must be integers, got ${repr(d)}`);
    return v;
  });
}

/** An integer (or bool) array as native-order int64 values, C order, cast unsafely as NumPy casts to intp. */
function asIntp(x: unknown): NdArray {
  const a = isArray(x) ? x : asarray(x);
  const kind = a.dtype.kind;
  if (kind !== 'i' && kind !== 'u' && kind !== 'b') {
    if (!isArray(x) && a.size === 0 && kind === 'f') {
      throw new TypeError("indices must be integral: the provided empty sequence was inferred as float. Wrap it with 'np.array(indices, dtype=np.intp)'");
    }
    throw new TypeError('only int indices permitted');
  }
  return a;
}

function int64Values(a: NdArray, shape: readonly number[]): BigInt64Array {
  const c = broadcastTo(a, shape).astype('int64', 'C');
  return c.typedArray() as BigInt64Array;
}

function product(dims: readonly number[]): bigint {
  return dims.reduce((p, d) => p * BigInt(d), 1n);
}

/**
 * NumPy's `np.unravel_index(indices, shape, order='C')`: the coordinates of
 * flat `indices` in an array of `shape`, one int64 array per axis, each
 * shaped like `indices` (0-d arrays for a scalar index).
 *
 * ```ts
 * const i = argmin(volume);                               // flat, C order
 * const [z, y, x] = unravelIndex(i, volume.shape);        // 0-d int64 arrays
 * ```
 * @throws TypeError for indices that are not integers ("only int indices permitted").
 * @throws ValueError for an index outside `[0, size)` (NumPy's "index 2400 is out of
 *   bounds for array with size 2400"), or a bad `order`.
 */
export function unravelIndex(indices: NdArray | number | bigint | readonly unknown[], shape: number | readonly number[], order?: 'C' | 'F' | null, options?: UnravelIndexOptions): NdArray[];
export function unravelIndex(indices: NdArray | number | bigint | readonly unknown[], shape: number | readonly number[], options?: UnravelIndexOptions): NdArray[];
export function unravelIndex(indices: NdArray | number | bigint | readonly unknown[], shape: number | readonly number[], ...rest: unknown[]): NdArray[] {
  const o = readKnownOptions(positionalOptions<UnravelIndexOptions>('unravelIndex', ['order'], rest), ['order'], 'unravelIndex');
  const dims = readDims('unravelIndex', shape);
  const order = readCOrF(o.order, 'C');
  const a = asIntp(indices);
  const size = product(dims);
  if (size > INTP_MAX || size < -INTP_MAX) {
    throw new ValueError("dimensions are too large; arrays and shapes with a total size greater than 'intp' are not supported.");
  }
  const v = int64Values(a, a.shape);
  // NumPy fills one (indices..., len(dims)) int64 array laid out in the K order of the
  // indices and returns its columns: views with a stride of len(dims) items.
  const nd = dims.length;
  if (nd === 0 && a.ndim > 0) {
    // NumPy checks each index against the size (1) first, then refuses several for a 0-d shape.
    for (const x of v) if (x < 0n || x >= size) throw new ValueError(`index ${x} is out of bounds for array with size ${size}`);
    throw new ValueError('multiple indices are not supported for 0d arrays');
  }
  const sh = a.shape;
  const st = kOrderStrides(sh, nd, a.ndim > 0 ? kOrder(a.ndim, [a.strides]) : []);
  const base = zeros([Math.max(1, v.length) * nd], 'int64');
  const bt = base.typedArray() as BigInt64Array;
  const axes = dims.map((_, k) => (order === 'C' ? nd - 1 - k : k));
  const exact = size <= BigInt(Number.MAX_SAFE_INTEGER);
  const coords = new Array<number>(sh.length).fill(0);
  let off = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x < 0n || x >= size) throw new ValueError(`index ${x} is out of bounds for array with size ${size}`);
    if (exact) {
      let r = Number(x);
      for (const ax of axes) {
        const d = dims[ax];
        bt[off + ax] = BigInt(r % d);
        r = Math.floor(r / d);
      }
    } else {
      let r = x;
      for (const ax of axes) {
        const d = BigInt(dims[ax]);
        bt[off + ax] = r % d;
        r /= d;
      }
    }
    // The next C-order position of the indices, and its place in the K-ordered buffer.
    for (let j = sh.length - 1; j >= 0; j--) {
      off += st[j];
      if (++coords[j] < sh[j]) break;
      off -= st[j] * sh[j];
      coords[j] = 0;
    }
  }
  return dims.map((_, k) => asStrided(base.index(`${k}:`), sh, st.map((x) => x * 8)));
}

/**
 * NumPy's `np.ravel_multi_index(multi_index, dims, mode='raise', order='C')`:
 * the flat indices of coordinates `multiIndex` (one integer array or scalar
 * per axis of `dims`, broadcast together) as a new int64 array (0-d when
 * every coordinate is a scalar).
 *
 * ```ts
 * const cell = ravelMultiIndex([row, col], [nr, nc]);     // row * nc + col
 * const counts = bincount(cell, { minlength: nr * nc }).reshape(nr, nc);
 * ```
 * @throws ValueError for a coordinate outside its axis in `'raise'` mode ("invalid entry
 *   in coordinates array"), a `multiIndex` of the wrong length, coordinates that do not
 *   broadcast, a bad `mode` or `order`, or `dims` with a zero or too large a size.
 * @throws TypeError for coordinates that are not integers ("only int indices permitted").
 */
export function ravelMultiIndex(
  multiIndex: readonly (NdArray | number | bigint | readonly unknown[])[],
  dims: number | readonly number[],
  mode?: RavelMode | readonly RavelMode[] | RavelMultiIndexOptions | null,
  order?: 'C' | 'F' | RavelMultiIndexOptions | null,
  options?: RavelMultiIndexOptions,
): NdArray;
export function ravelMultiIndex(multiIndex: readonly (NdArray | number | bigint | readonly unknown[])[], dims: number | readonly number[], options?: RavelMultiIndexOptions): NdArray;
export function ravelMultiIndex(multiIndex: readonly (NdArray | number | bigint | readonly unknown[])[], dims: number | readonly number[], ...rest: unknown[]): NdArray {
  // NumPy's positional mode and order (ravelMultiIndex(c, dims, 'clip', 'F')), or the options.
  const o = readKnownOptions(positionalOptions<RavelMultiIndexOptions>('ravelMultiIndex', ['mode', 'order'], rest), ['mode', 'order'], 'ravelMultiIndex');
  const ds = readDims('ravelMultiIndex', dims);
  const order = readCOrF(o.order, 'C');
  const modeList = typeof o.mode === 'string' || o.mode === undefined ? ds.map(() => o.mode ?? 'raise') : [...o.mode];
  for (const m of modeList) {
    if (!MODES.includes(m as string)) throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got ${repr(m)})`);
  }
  if (modeList.length !== ds.length) throw new ValueError('list of clipmodes has wrong length');
  if (!Array.isArray(multiIndex) || multiIndex.length !== ds.length) {
    throw new ValueError(`parameter multi_index must be a sequence of length ${ds.length}`);
  }
  const coords = multiIndex.map(asIntp);
  const size = product(ds);
  if (size > INTP_MAX) throw new ValueError('invalid dims: array size defined by dims is larger than the maximum possible size.');
  const shape = broadcastShape(coords.map((c) => c.shape));
  // NumPy refuses a zero-length dim only when there is a coordinate to ravel (none: an empty result).
  if (ds.includes(0) && shape.every((n) => n > 0)) throw new ValueError('cannot unravel if shape has zero entries (is empty).');
  const axes = ds.map((_, k) => (order === 'C' ? k : ds.length - 1 - k));
  if (modeList.every((m) => m === 'raise') && ds.every((d) => d > 0)) {
    const fast = ravelByKernels(axes.map((ax) => coords[ax]), axes.map((ax) => ds[ax]), shape, false);
    if (fast === 'outside') throw new ValueError('invalid entry in coordinates array');
    if (fast !== null) return fast;
  }
  const vals = coords.map((c) => int64Values(c, shape));
  const r = zeros(shape, 'int64');
  const t = r.typedArray() as BigInt64Array;
  const exact = size <= BigInt(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < t.length; i++) {
    let flat = 0n;
    let nflat = 0;
    for (const ax of axes) {
      const d = ds[ax];
      let c = vals[ax][i];
      if (c < 0n || c >= BigInt(d)) {
        const mode = modeList[ax];
        if (mode === 'raise' || d < 0) throw new ValueError('invalid entry in coordinates array');
        if (mode === 'wrap') c = ((c % BigInt(d)) + BigInt(d)) % BigInt(d);
        else c = c < 0n ? 0n : BigInt(d - 1);
      }
      if (exact) nflat = nflat * d + Number(c);
      else flat = flat * BigInt(d) + c;
    }
    t[i] = exact ? BigInt(nflat) : flat;
  }
  return r;
}
