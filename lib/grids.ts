/**
 * Coordinate grids, as NumPy's `meshgrid` and `indices`. `meshgrid` with
 * `copy: false` returns views: each input reshaped to one axis, then
 * broadcast (stride 0) to the grid's shape, as NumPy; `sparse: true` skips
 * the broadcast.
 * @module
 */
import { dtype as toDType, type DTypeLike } from './dtype';
import type { NdArray } from './ndarray';
import { ValueError, repr } from './errors';
import { isArray } from './internal';
import { MAXDIMS, checkNdim } from './layout';
import { positionalOptions, readKnownOptions, readOptions } from './options';
import { arange, empty } from './create';
import { asAnyArray } from './stack-helpers';
import { broadcastArrays } from './views';

/** Options of {@link meshgrid}: NumPy's keyword arguments. */
export interface MeshgridOptions {
  /** `'xy'` (default: Cartesian, the first two axes swapped) or `'ij'` (matrix indexing). */
  indexing?: 'xy' | 'ij';
  /** Return each grid with length-1 axes instead of broadcast (default false). */
  sparse?: boolean;
  /** Return copies (default true); `false` returns views of the inputs (the broadcast ones with 0 strides, as NumPy's). */
  copy?: boolean;
}

function isOptions(v: unknown): v is MeshgridOptions {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isArray(v) && !ArrayBuffer.isView(v);
}

/**
 * NumPy's `meshgrid(*xi, indexing='xy', sparse=False, copy=True)`:
 * coordinate matrices from coordinate vectors. Pass the vectors, then an
 * optional options object: `meshgrid(x, y, { indexing: 'ij' })`.
 *
 * @example
 * const [X, Y] = meshgrid(asarray([1, 2, 3]), asarray([4, 5]));
 * X.shape; // [2, 3]
 * @throws ValueError `Valid values for \`indexing\` are 'xy' and 'ij'.`; TypeError `meshgrid() got an unexpected keyword argument 'indices'` for an unknown option.
 */
export function meshgrid(...args: unknown[]): NdArray[] {
  let o: MeshgridOptions = readOptions<MeshgridOptions, 'indexing'>(undefined, []);
  // Read once, own keys only (a polluted Object.prototype.indexing or .sparse was taken as the
  // caller's); an unknown key is NumPy's TypeError (gh-4755: `indices='ij'` for `indexing` was silently ignored).
  if (args.length > 0 && isOptions(args[args.length - 1])) o = readKnownOptions(args.pop() as MeshgridOptions, ['indexing', 'sparse', 'copy'], 'meshgrid');
  const indexing = o.indexing ?? 'xy';
  if (indexing !== 'xy' && indexing !== 'ij') throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const sparse = o.sparse ?? false;
  const copy = o.copy ?? true;
  if (typeof sparse !== 'boolean') throw new TypeError(`meshgrid(): sparse must be a boolean, got ${repr(sparse)}`);
  if (typeof copy !== 'boolean') throw new TypeError(`meshgrid(): copy must be a boolean, got ${repr(copy)}`);
  const nd = args.length;
  // NumPy's reshape(s0[:i] + (-1,) + s0[i+1:]): a -1 (not the size) lays an empty input out
  // afresh, as NumPy's reshape does (fuzz seed 11034189).
  const shapeFor = (i: number): number[] => Array.from({ length: nd }, (_, d) => (d === i ? -1 : 1));
  let output = args.map((x, i) => asAnyArray(x).reshape(shapeFor(i)));
  if (indexing === 'xy' && nd > 1) {
    const rest = new Array<number>(nd - 2).fill(1);
    output[0] = output[0].reshape([1, -1, ...rest]);
    output[1] = output[1].reshape([-1, 1, ...rest]);
  }
  if (!sparse) output = broadcastArrays(...output);
  if (copy) output = output.map((x) => x.copy());
  return output;
}

/** Options of {@link indices}. */
export interface IndicesOptions {
  /** The dtype of the indices (default int64). */
  dtype?: DTypeLike;
  /** One index array per axis with length-1 axes elsewhere, instead of one stacked array (default false). */
  sparse?: boolean;
}

/**
 * NumPy's `indices(dimensions, dtype=int, sparse=False)`: an array of shape
 * `[N, ...dimensions]` whose `i`-th entry holds the index along axis `i` at
 * every position (or, `sparse`, the N index arrays of shape `[1, …, d_i, …, 1]`).
 *
 * @example
 * indices([2, 3]).index(0).toArray(); // [[0, 0, 0], [1, 1, 1]]
 */
export function indices(dimensions: readonly number[], options: IndicesOptions & { sparse: true }): NdArray[];
export function indices(dimensions: readonly number[], options?: IndicesOptions): NdArray;
export function indices(dimensions: readonly number[], dtype: DTypeLike | null | undefined, sparse: true): NdArray[];
export function indices(dimensions: readonly number[], dtype?: DTypeLike | null, sparse?: boolean): NdArray;
export function indices(dimensions: readonly number[], dtypeOrOptions?: DTypeLike | IndicesOptions | null, sparseArg?: boolean): NdArray | NdArray[] {
  // NumPy's positional dtype and sparse (indices([2, 3], 'i4', true)), or the options.
  const given = positionalOptions<IndicesOptions>('indices', ['dtype', 'sparse'], [dtypeOrOptions, sparseArg]);
  const o = readKnownOptions<IndicesOptions, 'dtype' | 'sparse'>(given, ['dtype', 'sparse'], 'indices');
  if (o.sparse !== undefined && typeof o.sparse !== 'boolean') throw new TypeError(`indices(): sparse must be a boolean, got ${repr(o.sparse)}`);
  if (!Array.isArray(dimensions)) throw new TypeError(`indices(): dimensions must be a list of lengths, got ${repr(dimensions)}`);
  // The length first, read once: a Proxy claiming 2^32-1 dimensions was copied until the process ran out of heap.
  const n = dimensions.length;
  if (n > MAXDIMS) checkNdim(n);
  const dims = Array.from({ length: n }, (_, i) => dimensions[i]);
  for (const d of dims) if (!Number.isSafeInteger(d) || d < 0) throw new ValueError(`indices(): a dimension must be a non-negative integer, got ${repr(d)}`);
  const dt = toDType(o.dtype ?? 'i8');
  const sparse = o.sparse === true;
  // The result before its parts: one whose size is refused (2^81 items, or
  // more than 4 GiB) is refused before the parts (3 GiB of them) are made.
  const res = sparse ? null : empty([n, ...dims], dt);
  const parts = dims.map((d, i) => arange(0, d, 1, dt).reshape(dims.map((_, j) => (j === i ? d : 1))));
  if (res === null) return parts;
  parts.forEach((p, i) => res.index(i).set(p));
  return res;
}
