/**
 * NumPy's `histogramdd` and `histogram2d` (`numpy/lib/_histograms_impl.py`,
 * `_twodim_base_impl.py`), step for step:
 *
 * - the sample is an (N, D) array, or a list of D columns (stacked, so the
 *   columns share their promoted dtype; a 1-d array is one column);
 * - per axis, `bins[i]` a count gives `linspace(first, last, n + 1)` over
 *   `range[i]` or the column's min and max (widened by 0.5 when equal, a
 *   non-finite autodetected range NumPy's ValueError), in the type NumPy's
 *   linspace computes in (float32 edges for float32 data); `bins[i]` a 1-d
 *   list of edges is used as given (checked to increase);
 * - each item's bin is `searchsorted(edges, x, 'right')`, minus one for an
 *   item equal to the last edge (the last bin is closed); 0 and
 *   `len(edges)` are the outlier bins, dropped at the end. So an item below
 *   the first edge, above the last, or NaN (sorted last) is not counted.
 *   Unlike 1-d `histogram`, no arithmetic guesses the bin: the edges alone
 *   decide, as in NumPy.
 * - the flat index `ravel_multi_index` and `bincount` (with the weights,
 *   read as float64) count; the histogram is float64 (NumPy's gh-7845
 *   behaviour), the core view of the counts with the outlier rows removed
 *   (NumPy's `hist[1:-1, ...]`: a non-contiguous view, as there).
 *
 * Every step is a native whole-array kernel (searchsorted, equal, subtract,
 * multiply-add, bincount): no per-item JavaScript.
 *
 * NumPy returns tuples: `hist, edges = np.histogramdd(...)` is
 * `const { hist, edges } = histogramdd(...)` here, and
 * `H, xedges, yedges = np.histogram2d(x, y)` is
 * `const { hist, edges: [xedges, yedges] } = histogram2d(x, y)`.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { ValueError, allocationError, repr } from './errors';
import { isArray, requireOpen } from './internal';
import { positionalOptions, readKnownOptions } from './options';
import { bincount, searchsorted } from './sort';
import { stack } from './join';
import { max, min, sum, any } from './reduce-axis';
import { resultType } from './promote';
import { linspace } from './linspace';
import { narrowLinspace } from './narrow-linspace';
import { add, divide, multiply, subtract } from './ufuncs/arith';
import { equal, greater } from './ufuncs/compare';
import { float16Bits, float16Value } from './dtype/float16';
import type { DType } from './dtype';
import type { Complex } from './value-types';
import { slice } from './indexing';
import { readValues } from './compute-values';
import { pyFloatText } from './repr';

/** NumPy's ravel_multi_index error for a histogram of more bins than an index can count. */
const INVALID_DIMS = 'invalid dims: array size defined by dims is larger than the maximum possible size.';

/** Python's refusal to order complex items, met in NumPy's object min/max beside a record column. */
const COMPLEX_UNORDERED = "'<=' not supported between instances of 'complex' and 'complex'";

/** One axis's `bins`: a count, or the increasing edges. */
export type HistogramddBins = number | readonly number[] | NdArray;

/** Options of {@link histogramdd}, as NumPy's keywords. */
export interface HistogramddOptions {
  /**
   * A bin count for every axis (default 10), one entry per axis (a count or
   * the monotonically increasing edges of that axis, rightmost included).
   */
  bins?: number | readonly HistogramddBins[];
  /** Per axis the lower and upper outer edges (or null: the data's min and max); items outside are left out. */
  range?: readonly (readonly [number, number] | null)[] | null;
  /** Return the probability density (count / total / bin volume) instead of the counts. */
  density?: boolean;
  /** A weight per item (N of them); the histogram sums them instead of counting. */
  weights?: NdArray | readonly number[] | null;
}

/** Options of {@link histogram2d}, as NumPy's keywords. */
export interface Histogram2dOptions {
  /**
   * A count for both axes (default 10); `[nx, ny]`; `[xedges, yedges]` (or a
   * count and edges); or one list of edges (not of length 1 or 2) for both.
   */
  bins?: number | readonly HistogramddBins[] | NdArray;
  /** `[[xmin, xmax], [ymin, ymax]]` (either may be null). */
  range?: readonly (readonly [number, number] | null)[] | null;
  /** Return the probability density instead of the counts. */
  density?: boolean;
  /** A weight per item. */
  weights?: NdArray | readonly number[] | null;
}

/** What {@link histogramdd} and {@link histogram2d} return (NumPy's tuple `hist, edges`). */
export interface HistogramddResult {
  /** The float64 counts (or weight sums, or densities), one axis per sample dimension. */
  hist: NdArray;
  /** The edges of each axis (`hist.shape[i] + 1` of them). */
  edges: NdArray[];
}

/** An array's value as a number (counts and bin counts: never complex). */
const scalar = (a: NdArray): number => Number(a.get());

/** Whether a 0-d array (an edge) is NaN: either part of a complex. */
const hasNaN = (a: NdArray): boolean => {
  const v = a.get();
  return typeof v === 'object' && v !== null ? Number.isNaN((v as Complex).re) || Number.isNaN((v as Complex).im) : Number.isNaN(Number(v));
};

/**
 * NumPy's `_get_outer_edges` for one column: the outer edges as numbers with
 * the dtype NumPy's linspace would compute in (`null`: float64).
 */
function outerEdges(col: NdArray, range: readonly [number, number] | null | undefined): { first: number; last: number; dt: DType | null } | NdArray {
  if (col.dtype.kind === 'c' && (range === null || range === undefined) && col.size > 0) return complexEdges(col);
  let first: number;
  let last: number;
  let dt: DType | null = null;
  if (range !== null && range !== undefined) {
    if (!Array.isArray(range) || range.length !== 2) throw new ValueError(`range must be a pair of numbers, got ${repr(range)}`);
    [first, last] = range as [number, number];
    if (typeof first !== 'number' || typeof last !== 'number') throw new TypeError(`range must be a pair of numbers, got ${repr(range)}`);
    if (first > last) throw new ValueError('max must be larger than min in range parameter.');
    if (!(Number.isFinite(first) && Number.isFinite(last))) throw new ValueError(`supplied range of [${pyNum(first)}, ${pyNum(last)}] is not finite`);
  } else if (col.size === 0) {
    first = 0;
    last = 1;
  } else {
    first = scalar(min(col));
    last = scalar(max(col));
    if (!(Number.isFinite(first) && Number.isFinite(last))) throw new ValueError(`autodetected range of [${pyNum(first)}, ${pyNum(last)}] is not finite`);
    // NumPy's linspace of two float32 (float16) scalars computes in that type; integers in float64.
    if (col.dtype.kind === 'f' && col.dtype.itemsize < 8) dt = col.dtype.newbyteorder('=');
  }
  if (first === last) {
    const round = dt === null ? (v: number): number => v : rounder(dt);
    first = round(first - 0.5);
    last = round(last + 0.5);
  }
  return { first, last, dt };
}

/**
 * The outer edges of a complex column, NumPy's way: its min and max in the
 * complex order (real part first), refused unless both parts are finite,
 * widened by 0.5 on the real part when equal, as 0-d arrays of the column's
 * dtype (NumPy's linspace of two complex64 scalars computes in complex64).
 */
function complexEdges(col: NdArray): NdArray {
  const lo = min(col);
  const hi = max(col);
  const [a, b] = [lo.get() as Complex, hi.get() as Complex];
  const finite = (z: Complex): boolean => Number.isFinite(z.re) && Number.isFinite(z.im);
  if (!(finite(a) && finite(b))) throw new ValueError(`autodetected range of [${pyComplex(a)}, ${pyComplex(b)}] is not finite`);
  const dt = col.dtype.newbyteorder('=');
  const both = stack([lo.astype(dt), hi.astype(dt)]);
  if (a.re === b.re && a.im === b.im) add(both, asarray([-0.5, 0.5]), { out: both, casting: 'same_kind' });
  return both;
}

/** Python's repr of a complex: `(1+2j)`, `(nan+nanj)`. */
const pyComplex = (z: Complex): string => `(${pyNum(z.re)}${z.im < 0 || Object.is(z.im, -0) ? '-' : '+'}${pyNum(Math.abs(z.im))}j)`;

const pyNum = (x: number): string => (Number.isNaN(x) ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : String(x));

function rounder(dt: DType): (v: number) => number {
  return dt.itemsize === 4 ? Math.fround : (v: number): number => float16Value(float16Bits(v));
}

/**
 * NumPy's `linspace(first, last, count)`: float64 through the library's
 * linspace; in float32/float16 each step rounds to that type as NumPy's
 * does (`step = delta / div`, `i * step + first`, the last item `last`).
 */
function edgeSpace(first: number, last: number, count: number, dt: DType | null): NdArray {
  if (dt === null) return linspace(first, last, count);
  return narrowLinspace(first, last, count, dt);
}

/** NumPy's `np.ndim(x) == 0` for a bins entry. */
const isScalarBins = (b: unknown): boolean => typeof b === 'number' || typeof b === 'bigint' || (isArray(b) && b.ndim === 0);

/**
 * NumPy's refusal of a bin count past what one array holds: past intp, the
 * ValueError of its `ravel_multi_index`; past intp bytes, the ValueError of
 * its `bincount` allocation; past what memory can hold, that allocation's
 * MemoryError (int64 counts, float64 with weights). Here every total past
 * 2^53 is the last (fuzz seed 9963036). Returns the total.
 */
function checkBinTotal(nbin: readonly number[], weighted: boolean): number {
  const total = nbin.reduce((x, y) => x * BigInt(y), 1n);
  if (total > 2n ** 63n - 1n) throw new ValueError(INVALID_DIMS);
  if (total * 8n > 2n ** 63n - 1n) throw new ValueError('array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.');
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw allocationError([total], 8, weighted ? 'float64' : 'int64');
  return Number(total);
}

/**
 * The min and max NumPy's object loops find in a column of one-item tuples
 * of floats: each step keeps the running item while it is <= (>=) the next
 * and takes the next otherwise, so a NaN is taken and passed on to the item
 * after it (`[1, NaN, -0.75]` has min and max -0.75; fuzz seed 10014687).
 */
function tupleExtremes(values: readonly number[]): [number, number] {
  let lo = values[0];
  let hi = values[0];
  for (let k = 1; k < values.length; k++) {
    const v = values[k];
    if (!(lo <= v)) lo = v;
    if (!(hi >= v)) hi = v;
  }
  return [lo, hi];
}

/** The bins one axis's `bins[i]` makes with its two outlier bins (1 for a value its own check refuses). */
function plannedBins(b: unknown): number {
  if (isScalarBins(b)) {
    const n = isArray(b) ? scalar(b) : Number(b);
    return Number.isInteger(n) && n >= 1 && n + 1 <= 2 ** 32 ? n + 2 : 1;
  }
  if (isArray(b)) return b.ndim === 1 ? b.size + 1 : 1;
  return Array.isArray(b) ? b.length + 1 : 1;
}

/**
 * The D columns of the (N, D) sample NumPy's histogramdd reads from
 * `sample`: an (N, D) array's column views, or a list's entries (NumPy
 * stacks them: they share the promoted dtype; not stacked here, each is
 * read in place when it already has that dtype).
 */
function columnsOf(sample: unknown): NdArray[] {
  if (isArray(sample)) {
    requireOpen(sample);
    if (sample.ndim === 2) return Array.from({ length: sample.shape[1] }, (_, i) => sample.index(slice(null), i));
    if (sample.ndim <= 1) return [sample.reshape(-1)];
    throw new ValueError(`too many values to unpack (expected 2): a sample of shape ${repr(sample.shape)}`);
  }
  if (!Array.isArray(sample)) throw new TypeError(`histogramdd: sample must be an NdArray or a list of columns, got ${repr(sample)}`);
  // A list is NumPy's `atleast_2d(sample).T`: its entries are the columns (a list of numbers is one column).
  // An index loop, not map: a hole is asarray's TypeError at once (map walked
  // a sparse list of length 2^32 - 1 for minutes; adversarial pass 8).
  const cols: NdArray[] = [];
  for (let i = 0; i < sample.length; i++) {
    const c: unknown = sample[i];
    cols.push(isArray(c) ? c : asarray(c as never));
  }
  // An empty list is NumPy's atleast_2d([]).T: one empty column.
  if (cols.length === 0) return [asarray([], '<f8')];
  cols.forEach(requireOpen);
  if (cols.every((c) => c.ndim === 0)) return [stack(cols)];
  if (cols.some((c) => c.ndim !== 1 || c.shape[0] !== cols[0].shape[0])) return columnsOf(stack(cols).T);
  if (mixesRecords(cols)) return mixedRecordColumns(cols);
  const dt = resultType(...cols.map((c) => c.dtype));
  return cols.map((c) => (c.dtype.equals(dt) ? c : c.astype(dt)));
}

/** Some columns are records and the others not (or records of another dtype): NumPy's object array. */
function mixesRecords(cols: readonly NdArray[]): boolean {
  return cols.some((c) => c.dtype.isStructured) && !cols.every((c) => c.dtype.equals(cols[0].dtype));
}

/**
 * Columns of which some are records and the rest not (or records of other
 * dtypes): NumPy's `atleast_2d` of the list is an object array, each record
 * a tuple. Its histogramdd fails, but which error comes first depends on the
 * columns' order: a plain column's own errors (a non-finite autodetected
 * range) in turn; a record column's autodetected range compares tuples, and
 * the truth of `isfinite` of a tuple of more than one field is ambiguous (a
 * ValueError at once), one field passes; after every axis's edges the
 * `searchsorted` of a record column is `object too deep for desired array`.
 * The plain columns keep their promoted dtype; each record column is
 * returned as is (so the columns still mix records: {@link mixesRecords}).
 */
function mixedRecordColumns(cols: NdArray[]): NdArray[] {
  // No items: no tuple is ever compared, the edges span [0, 1] as for any empty column.
  if (cols[0].shape[0] === 0) return cols.map((c) => (c.dtype.isStructured ? asarray([], '<f8') : c));
  const plain = cols.filter((c) => !c.dtype.isStructured);
  const dt = plain.length > 0 ? resultType(...plain.map((c) => c.dtype)) : null;
  return cols.map((c) => (c.dtype.isStructured || dt === null || c.dtype.equals(dt) ? c : c.astype(dt)));
}

/**
 * NumPy's `np.histogramdd(sample, bins=10, range=None, density=None, weights=None)`:
 * the D-dimensional histogram of N points, `{ hist, edges }` (NumPy's tuple
 * `hist, edges`). `sample` is an (N, D) array or a list of D columns
 * (stacked into their promoted dtype). Every bin is half-open but the last
 * of each axis, which holds its right edge; items outside the edges or NaN
 * are not counted. `hist` is float64 (weights sum as float64).
 *
 * @example
 * const { hist, edges } = histogramdd(asarray([[0, 0], [1, 1], [1, 0]]), { bins: 2 });
 * hist.toArray(); // [[1, 0], [1, 1]]
 * @throws ValueError `The dimension of bins must be equal to the dimension of the sample x.`,
 *   `` `bins[0]` must be positive, when an integer ``, `` `bins[0]` must be monotonically increasing, when an array ``,
 *   `range argument must have one entry per dimension`, `autodetected range of [nan, nan] is not finite`;
 *   TypeError `` `bins[0]` must be an integer, when a scalar ``.
 */
export function histogramdd(sample: NdArray | readonly unknown[], bins?: HistogramddOptions['bins'] | null, range?: HistogramddOptions['range'] | null, density?: boolean | null, weights?: HistogramddOptions['weights'] | null): HistogramddResult;
export function histogramdd(sample: NdArray | readonly unknown[], binsArg?: HistogramddOptions['bins'] | HistogramddOptions, options?: HistogramddOptions): HistogramddResult;
export function histogramdd(sample: NdArray | readonly unknown[], ...rest: unknown[]): HistogramddResult {
  // NumPy's positional bins, range, density and weights, or the options.
  const o = readKnownOptions(positionalOptions<HistogramddOptions>('histogramdd', ['bins', 'range', 'density', 'weights'], rest), ['bins', 'range', 'density', 'weights'], 'histogramdd');
  const columns = columnsOf(sample);
  const D = columns.length;
  // NumPy's object array of a list mixing record and plain columns (mixedRecordColumns).
  const records = mixesRecords(columns) ? columns.map((c) => c.dtype.isStructured) : null;
  const w: NdArray | null = o.weights === undefined || o.weights === null ? null : isArray(o.weights) ? o.weights : asarray(o.weights as never);
  if (w !== null) requireOpen(w);
  let bins: readonly unknown[];
  const given: unknown = o.bins ?? 10;
  if (Array.isArray(given) || (isArray(given) && given.ndim > 0)) {
    const list = isArray(given) ? Array.from({ length: given.shape[0] }, (_, i) => given.index(i)) : (given as readonly unknown[]);
    if (list.length !== D) throw new ValueError('The dimension of bins must be equal to the dimension of the sample x.');
    bins = list;
  } else {
    bins = new Array<unknown>(D).fill(given);
  }
  const range = o.range ?? null;
  if (range !== null && (!Array.isArray(range) || range.length !== D)) throw new ValueError('range argument must have one entry per dimension');
  // A plain column's bin count, range or edges checked as NumPy checks them;
  // returns what makes its edges.
  const plainAxis = (i: number): (() => NdArray) => {
    const b = bins[i];
    if (isScalarBins(b)) {
      const n = isArray(b) ? scalar(b) : Number(b);
      if (!(n >= 1)) throw new ValueError(`\`bins[${i}]\` must be positive, when an integer`);
      // Beside a record column every column is NumPy's object array: complex items have no order.
      if (records !== null && columns[i].dtype.kind === 'c' && columns[i].size > 1) throw new TypeError(COMPLEX_UNORDERED);
      const outer = outerEdges(columns[i], range === null ? null : range[i]);
      if (!Number.isInteger(n) || (isArray(b) && b.dtype.kind !== 'i' && b.dtype.kind !== 'u')) throw new TypeError(`\`bins[${i}]\` must be an integer, when a scalar`);
      if (n + 1 > 2 ** 32) throw new ValueError(`Maximum allowed size exceeded (${n} bins)`);
      return () => (isArray(outer) ? linspace(outer.index(0), outer.index(1), n + 1) : edgeSpace(outer.first, outer.last, n + 1, outer.dt));
    }
    const e = isArray(b) ? b : asarray(b as never);
    if (e.ndim !== 1) throw new ValueError(`\`bins[${i}]\` must be a scalar or 1d array`);
    if (e.size > 1 && Boolean(any(greater(e.index(':-1'), e.index('1:'))).get())) {
      throw new ValueError(`\`bins[${i}]\` must be monotonically increasing, when an array`);
    }
    return () => e;
  };
  // NumPy's ravel_multi_index error comes after every axis's edges are made;
  // here before any: two axes of 2^27 bins built 2 GiB of edges (half a
  // minute) to say it (adversarial pass 8). Each plain axis's own errors (a
  // bad count, a non-finite autodetected range: a min and a max) come first,
  // as NumPy's, up to the first record column (fuzz seed 11499743).
  const checked: (() => NdArray)[] = [];
  for (let i = 0; i < D && !(records !== null && records[i]); i++) checked.push(plainAxis(i));
  checkBinTotal(bins.map(plannedBins), o.weights != null);
  const edges: NdArray[] = [];
  const nbin: number[] = [];
  for (let i = 0; i < D; i++) {
    const b = bins[i];
    if (records !== null && records[i]) {
      // NumPy's object column of tuples (mixedRecordColumns).
      if (!(isScalarBins(b) && (range === null || range[i] === null || range[i] === undefined))) {
        // Given edges (or a range's float edges) meet the tuples in NumPy's searchsorted.
        const edgeType = isScalarBins(b) || !'iu'.includes((isArray(b) ? b : asarray(b as never)).dtype.kind) ? 'float' : 'int';
        throw new TypeError(`'<' not supported between instances of '${edgeType}' and 'tuple'`);
      }
      const n = isArray(b) ? scalar(b) : Number(b);
      if (!(n >= 1)) throw new ValueError(`\`bins[${i}]\` must be positive, when an integer`);
      if ((columns[i].dtype.names ?? []).length !== 1) throw new ValueError('The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
      // Equal min and max are widened by 0.5: a tuple minus a float.
      const f = columns[i].field((columns[i].dtype.names as readonly string[])[0]);
      if (f.size > 1 && f.dtype.kind === 'c') throw new TypeError(COMPLEX_UNORDERED);
      if (f.size === 1 && f.dtype.kind === 'c' && Object.values(readValues(f)[0] as Complex).every(Number.isFinite)) throw new TypeError("unsupported operand type(s) for -: 'tuple' and 'float'");
      if (f.size > 0 && f.dtype.kind === 'f') {
        const [lo, hi] = tupleExtremes(readValues(f) as number[]);
        if (!(Number.isFinite(lo) && Number.isFinite(hi))) throw new ValueError(`autodetected range of [(${pyFloatText(lo)},), (${pyFloatText(hi)},)] is not finite`);
        if (lo === hi) throw new TypeError("unsupported operand type(s) for -: 'tuple' and 'float'");
      } else if (f.size > 0 && scalar(min(f)) === scalar(max(f))) {
        throw new TypeError("unsupported operand type(s) for -: 'tuple' and 'float'");
      }
      if (!Number.isInteger(n) || (isArray(b) && b.dtype.kind !== 'i' && b.dtype.kind !== 'u')) throw new TypeError(`\`bins[${i}]\` must be an integer, when a scalar`);
      edges.push(asarray([], '<f8'));
      nbin.push(1);
      continue;
    }
    const e = (checked[i] ?? plainAxis(i))();
    edges.push(e);
    nbin.push(e.size + 1);
  }
  // NumPy's searchsorted of an object column of tuples against edges of shape (n + 1, 1).
  if (records !== null && records.some(Boolean)) throw new ValueError('object too deep for desired array');
  const total = checkBinTotal(nbin, o.weights != null);
  // The flat bin of each item (outlier bins included), by whole-array kernels; in place
  // after the first array of each step (a fresh 80 MB array per step was most of the time).
  let xy: NdArray | null = null;
  for (let i = 0; i < D; i++) {
    const col = columns[i];
    const e = edges[i];
    const count = searchsorted(e, col, { side: 'right' });
    if (e.size > 0) subtract(count, equal(col, e.index(-1)), { out: count, casting: 'unsafe' });
    // Edges with a NaN (given, or computed from a range whose width overflows
    // the float32 data's type) can put an item equal to the last edge at -1:
    // NumPy's ravel_multi_index refuses it; added into the flat index it
    // landed in another bin unnoticed (adversarial pass 8). Sorted edges cannot.
    if (e.size > 0 && count.size > 0 && hasNaN(min(e)) && scalar(min(count)) < 0) throw new ValueError('invalid entry in coordinates array');
    if (xy === null) {
      xy = count;
    } else {
      multiply(xy, nbin[i], { out: xy });
      add(xy, count, { out: xy });
    }
  }
  // No columns (an (N, 0) sample): NumPy's ravel_multi_index gives a 0-d index, which its bincount refuses.
  if (xy === null) throw new ValueError('object of too small depth for desired array');
  if (xy.size === 0) xy = asarray([], '<i8');
  if (w !== null && (w.ndim !== 1 || w.shape[0] !== xy.size)) {
    throw new ValueError(w.ndim === 1 ? "The weights and list don't have the same length." : 'object too deep for desired array');
  }
  const flat = bincount(xy.reshape(-1), { minlength: total, ...(w === null ? {} : { weights: w.dtype.kind === 'b' ? w.astype('<f8') : w }) });
  const full = flat.reshape(nbin).astype('<f8');
  let hist: NdArray = full.index(...nbin.map(() => slice(1, -1)));
  if (o.density) {
    const s0 = sum(hist);
    for (let i = 0; i < D; i++) {
      const e = edges[i];
      const de = subtract(e.index('1:'), e.index(':-1'));
      const shape = new Array<number>(D).fill(1);
      shape[i] = nbin[i] - 2;
      hist = divide(hist, de.reshape(shape));
    }
    hist = divide(hist, s0);
  }
  return { hist, edges };
}

/**
 * NumPy's `np.histogram2d(x, y, bins=10, range=None, density=None, weights=None)`:
 * {@link histogramdd} of the points `(x[i], y[i])`, `{ hist, edges: [xedges, yedges] }`
 * (NumPy's tuple `H, xedges, yedges`). `x` runs along the first axis of
 * `hist`. `bins` is a count for both axes, `[nx, ny]`, `[xedges, yedges]`,
 * or one list of edges for both (any length but 1 or 2, as NumPy reads it).
 *
 * @example
 * const { hist, edges: [xe, ye] } = histogram2d(asarray([0, 1, 1]), asarray([0, 1, 0]), { bins: 2 });
 * hist.toArray(); // [[1, 0], [1, 1]]
 * @throws ValueError `x and y must have the same length.`, and histogramdd's errors.
 */
export function histogram2d(x: NdArray | readonly number[], y: NdArray | readonly number[], bins?: Histogram2dOptions['bins'] | null, range?: Histogram2dOptions['range'] | null, density?: boolean | null, weights?: Histogram2dOptions['weights'] | null): HistogramddResult;
export function histogram2d(x: NdArray | readonly number[], y: NdArray | readonly number[], binsArg?: Histogram2dOptions['bins'] | Histogram2dOptions, options?: Histogram2dOptions): HistogramddResult;
export function histogram2d(x: NdArray | readonly number[], y: NdArray | readonly number[], ...rest: unknown[]): HistogramddResult {
  // NumPy's positional bins, range, density and weights, or the options.
  const o = readKnownOptions(positionalOptions<Histogram2dOptions>('histogram2d', ['bins', 'range', 'density', 'weights'], rest), ['bins', 'range', 'density', 'weights'], 'histogram2d');
  const xs = isArray(x) ? x : asarray(x as never);
  const ys = isArray(y) ? y : asarray(y as never);
  requireOpen(xs);
  requireOpen(ys);
  const len = (a: NdArray): number => (a.ndim === 0 ? NaN : a.shape[0]);
  if (xs.ndim === 0 || ys.ndim === 0) throw new TypeError('len() of unsized object');
  if (len(xs) !== len(ys)) throw new ValueError('x and y must have the same length.');
  let bins: unknown = o.bins ?? 10;
  const n = Array.isArray(bins) ? bins.length : isArray(bins) && bins.ndim > 0 ? bins.shape[0] : 1;
  if (n !== 1 && n !== 2) {
    const e = isArray(bins) ? bins : asarray(bins as never);
    bins = [e, e];
  }
  if (xs.ndim !== 1 || ys.ndim !== 1) throw new ValueError(`histogram2d: x and y must be 1-d, got shapes ${repr(xs.shape)} and ${repr(ys.shape)}`);
  // NumPy stacks [x, y]: both columns take the promoted dtype (columnsOf casts them).
  const cols = [xs, ys];
  return histogramdd(cols, { bins: bins as HistogramddOptions['bins'], range: o.range, density: o.density, weights: o.weights });
}
