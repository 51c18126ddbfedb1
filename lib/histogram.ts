/**
 * NumPy's `histogram` and `digitize` (`numpy/lib/_histograms_impl.py`,
 * `_function_base_impl.digitize`), step for step so the counts agree to the
 * item, float round-off at the edges included:
 *
 * - `bins` an integer: the outer edges are `range` or the data's min and max
 *   (widened by 0.5 each way when equal; not finite is NumPy's ValueError),
 *   the edges NumPy's `linspace(first, last, bins + 1)` in the bin dtype
 *   (float64 for integer data). Each block of 65536 items (NumPy's `BLOCK`,
 *   which fixes the order weights are summed in) keeps the items inside the
 *   range, computes `((x - first) / (last - first)) * bins` truncated, puts
 *   the last edge into the last bin, and corrects the index by one where
 *   round-off put an item on the wrong side of an edge (`x < edges[i]`,
 *   `x >= edges[i + 1]`); then `bincount` (with the weights) adds up.
 * - `bins` a list of edges: each block is sorted and the edges searched
 *   (`left`, the last edge `right`: the last bin is closed), the counts
 *   being the differences of those cumulative counts; with weights, the
 *   cumulative sums of the sorted block's weights at those positions.
 *
 * `density` divides by the bin widths and the total. NumPy's string bin
 * estimators (`'auto'`, `'fd'`, ...) pick the count of equal bins
 * (`histogram-bins.ts`). Complex data is binned
 * as NumPy bins it (ordered real part first, the bin index from the real
 * part of the complex quotient); complex weights sum each part apart.
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DType } from './dtype';
import { asarray } from './array-coerce';
import { OverflowError, ValueError, allocationError, repr } from './errors';
import { isArray, requireOpen, storageOf } from './internal';
import { castCode, capturingKernels, isSwapped, regionOf, type Region } from './kernels';
import { histogramUniform, type UfuncOperand } from './native';
import { positionalOptions, readKnownOptions } from './options';
import { all, any, max, min, sum } from './reduce-axis';
import { argsort, bincount, searchsorted, sort } from './sort';
import { concatenate } from './join';
import { compress, take } from './fancy';
import { linspace } from './linspace';
import { narrowLinspace } from './narrow-linspace';
import { arange, zeros } from './create';
import { cumsum } from './cumulative';
import { resultType } from './promote';
import { add, divide, multiply, subtract } from './ufuncs/arith';
import { equal, greaterEqual, less, lessEqual, logicalAnd, notEqual } from './ufuncs/compare';
import { BIN_ESTIMATORS, binWidth, complexPtpIsZero, rounderFor } from './histogram-bins';

/** NumPy's block size: histograms are summed 65536 items at a time. */
export const HISTOGRAM_BLOCK = 65536;

/** Options of {@link histogram}, as NumPy's keywords. */
export interface HistogramOptions {
  /**
   * The number of equal-width bins (default 10), one of NumPy's estimators
   * (`'auto'`, `'fd'`, `'doane'`, `'scott'`, `'stone'`, `'rice'`,
   * `'sturges'`, `'sqrt'`: see {@link histogramBinEdges}), or the
   * monotonically increasing bin edges, rightmost included.
   */
  bins?: number | string | readonly number[] | NdArray;
  /** The lower and upper edges of the equal-width bins (default: the data's min and max); items outside are left out. */
  range?: readonly [number, number] | null;
  /** Return the probability density (count / total / bin width) instead of the counts. */
  density?: boolean;
  /** A weight per item, shaped like `a`; the histogram sums them (and takes their dtype). */
  weights?: NdArray | null;
}

/** Options of {@link histogramBinEdges}, as NumPy's keywords. */
export interface HistogramBinEdgesOptions {
  /** A bin count (default 10), one of NumPy's estimator names, or the edges themselves. */
  bins?: number | string | readonly number[] | NdArray;
  /** The lower and upper outer edges (default: the data's min and max). */
  range?: readonly [number, number] | null;
  /** Weights shaped like `a`: checked, and refused with an estimator (as NumPy's). */
  weights?: NdArray | null;
}

/** Options of {@link digitize}. */
export interface DigitizeOptions {
  /** Whether a bin holds its right edge instead of its left one (default false). */
  right?: boolean;
}

type Edge = number | NdArray;

const num = (e: Edge): number => (typeof e === 'number' ? e : e.dtype.kind === 'c' ? (e.get() as { re: number }).re : Number(e.get()));

/** A complex edge's parts (a real edge's imaginary part is 0). */
const parts = (e: Edge): [number, number] => {
  if (typeof e !== 'number' && e.dtype.kind === 'c') {
    const z = e.get() as { re: number; im: number };
    return [z.re, z.im];
  }
  return [num(e), 0];
};

/** An edge as NumPy's `str()` of it: a complex scalar as Python's `(1+2j)`. */
function edgeStr(e: Edge): string {
  if (typeof e === 'number' || e.dtype.kind !== 'c') return pyNum(num(e));
  const [re, im] = parts(e);
  const part = (v: number): string => (Object.is(v, -0) ? '-0' : pyNum(v));
  const imS = `${Number.isNaN(im) || (im >= 0 && !Object.is(im, -0)) ? '+' : ''}${part(im)}j`;
  return Object.is(re, 0) ? `${part(im)}j` : `(${part(re)}${imS})`;
}

/** The most edges a histogram's count may ask for: beyond 2^53 - 1 the count is no longer an exact integer. */
const MAX_EDGES = Number.MAX_SAFE_INTEGER;

/** NumPy's `_get_outer_edges`: the range or the data's min and max, widened when equal. */
function outerEdges(a: NdArray, range: readonly [Edge, Edge] | null | undefined): [Edge, Edge] {
  let first: Edge;
  let last: Edge;
  if (range !== null && range !== undefined) {
    // repr, not String: String() of a sparse list of length 2^32-1 joined its holes into V8's
    // bare "Invalid string length" (found by adversarial pass 6).
    if (!Array.isArray(range) || range.length !== 2) throw new ValueError(`range must be a pair of numbers, got ${repr(range)}`);
    [first, last] = range;
    // Numbers, or NumPy scalars (0-d real arrays), which keep their type as NumPy's do: the
    // estimators hand the data's own min and max on so ('stone': fuzz seed 10229265).
    // (A complex one only as a NumPy scalar: 'stone' over complex data hands its min and max on, where
    // NumPy compares them as its greater does, lexicographically; a Python complex is refused.)
    const edge = (e: unknown): boolean => typeof e === 'number' || (isArray(e) && e.ndim === 0 && 'biufc'.includes(e.dtype.kind));
    if (!edge(first) || !edge(last)) throw new TypeError('range must be a pair of numbers');
    const [fv, lv] = [num(first), num(last)];
    const im = (e: Edge): number => (typeof e !== 'number' && e.dtype.kind === 'c' ? (e.get() as { im: number }).im : 0);
    if (fv > lv || (fv === lv && im(first) > im(last))) throw new ValueError('max must be larger than min in range parameter.');
    if (!(Number.isFinite(fv) && Number.isFinite(lv) && Number.isFinite(im(first)) && Number.isFinite(im(last)))) throw new ValueError(`supplied range of [${pyNum(fv)}, ${pyNum(lv)}] is not finite`);
  } else if (a.size === 0) {
    first = 0;
    last = 1;
  } else {
    first = min(a);
    last = max(a);
    if (![...parts(first), ...parts(last)].every(Number.isFinite)) throw new ValueError(`autodetected range of [${edgeStr(first)}, ${edgeStr(last)}] is not finite`);
  }
  const [fr, fi] = parts(first);
  const [lr, li] = parts(last);
  if (fr === lr && fi === li) {
    // NumPy's first_edge - 0.5: a Python number stays one, a NumPy scalar keeps its promotion.
    first = typeof first === 'number' ? first - 0.5 : subtract(first, 0.5);
    last = typeof last === 'number' ? last + 0.5 : add(last, 0.5);
  }
  return [first, last];
}

const pyNum = (x: number): string => (Number.isNaN(x) ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : String(x));

/** NumPy's `_unsigned_subtract`: `last - first`, signed integers wrapping into their unsigned type. */
function span(last: Edge, first: Edge): NdArray | number {
  // Plain numbers past int64 (a uint64 array's edges, read as numbers): no
  // integer dtype holds them, their float difference is NumPy's (fuzz seed 9631223).
  if (typeof last === 'number' && typeof first === 'number' && (!Number.isSafeInteger(last) || !Number.isSafeInteger(first))) return last - first;
  const dt = resultType(last as never, first as never);
  if (dt.kind === 'i') {
    const u = toDType(`<u${dt.itemsize}`);
    const l = asarray(typeof last === 'number' ? last : last, dt);
    const f = asarray(typeof first === 'number' ? first : first, dt);
    return subtract(l, f, { dtype: u, casting: 'unsafe' });
  }
  if (typeof last === 'number' && typeof first === 'number') return last - first;
  return subtract(last, first);
}

/**
 * NumPy's `linspace(first, last, num, dtype=binType)` for the edges. NumPy
 * computes in `result_type(first, last)` (float64 for Python numbers and
 * integers): a float32 or float16 min/max makes every step round to that
 * type (`delta`, `step = delta / div`, `i * step`, `+ first`), then the
 * last edge is `last` itself.
 */
function edgeSpace(first: Edge, last: Edge, count: number, binType: DType): NdArray {
  let dt = resultType(first as never, last as never);
  if (dt.kind === 'c') return complexEdgeSpace(first, last, count, dt.newbyteorder('=')).astype(binType);
  if (dt.kind !== 'f') dt = toDType('<f8');
  if (dt.itemsize === 8) return linspace(num(first), num(last), count, { dtype: binType });
  return narrowLinspace(num(first), num(last), count, dt).astype(binType);
}

/**
 * NumPy's `linspace` of complex outer edges (the min and max of complex
 * data, ordered as NumPy orders complex numbers: real part first), in
 * their complex dtype: `arange(count) * (delta / div) + first` by the
 * complex ufuncs (so NumPy's complex division by `div`), the last edge
 * `last` itself.
 */
function complexEdgeSpace(first: Edge, last: Edge, count: number, dt: DType): NdArray {
  const start = asarray(first as never, dt);
  const stop = asarray(last as never, dt);
  const delta = subtract(stop, start);
  const div = count - 1;
  let y = arange(count).astype(dt);
  if (div > 0) {
    const step = divide(delta, div);
    const [sr, si] = parts(step);
    y = sr === 0 && si === 0 ? multiply(divide(y, div), delta) : multiply(y, step);
  } else {
    y = multiply(y, delta);
  }
  y = add(y, start);
  if (count > 1) y.set(count - 1, stop.get());
  return y;
}

/**
 * The uniform-bins path for float64 data (and float64 weights) as one loop
 * per block instead of a dozen ufunc calls: the same float64 steps as the
 * general path below, so the same bins (NumPy's `(t - first) / (last -
 * first) * n`, truncated, then moved by the edges), and the same sums
 * (each block's weights added in order, as `bincount` does, then added to
 * the total). Null when the data, weights or edges are not float64.
 */
function uniformFloat64(x: NdArray, w: NdArray | null, edges: NdArray, u: { first: Edge; last: Edge; n: number }): NdArray | null {
  const f8 = (dt: DType): boolean => dt.kind === 'f' && dt.itemsize === 8;
  if (!f8(x.dtype) || !f8(edges.dtype) || (w !== null && !f8(w.dtype))) return null;
  if ([u.first, u.last].some((e) => typeof e !== 'number' && !f8(e.dtype))) return null;
  const first = num(u.first);
  const denom = num(u.last) - first;
  const last = num(u.last);
  const n = u.n;
  const ec = edges.astype('<f8', 'C');
  const e = new Float64Array(ec.buffer as ArrayBuffer, ec.byteOffset, ec.size);
  const total = new Float64Array(n);
  const block = new Float64Array(w === null ? 0 : n);
  if (uniformNative(x, w, first, last, denom, e, total, block)) {
    const h = asarray(total);
    return w === null ? h.astype('<i8') : h.astype(w.dtype);
  }
  for (let i = 0; i < x.size; i += HISTOGRAM_BLOCK) {
    const tc = x.index(`${i}:${i + HISTOGRAM_BLOCK}`).astype('<f8', 'C');
    const t = new Float64Array(tc.buffer as ArrayBuffer, tc.byteOffset, tc.size);
    let wt: Float64Array | null = null;
    if (w !== null) {
      const wc = w.index(`${i}:${i + HISTOGRAM_BLOCK}`).astype('<f8', 'C');
      wt = new Float64Array(wc.buffer as ArrayBuffer, wc.byteOffset, wc.size);
      block.fill(0);
    }
    for (let k = 0; k < t.length; k++) {
      const v = t[k];
      if (!(v >= first && v <= last)) continue;
      let idx = Math.trunc(((v - first) / denom) * n);
      if (idx === n) idx--;
      if (v < e[idx]) idx--;
      if (v >= e[idx + 1] && idx !== n - 1) idx++;
      if (wt === null) total[idx]++;
      else block[idx] += wt[k];
    }
    if (w !== null) for (let b = 0; b < n; b++) total[b] += block[b];
  }
  const hist = asarray(total);
  return w === null ? hist.astype('<i8') : hist.astype(w.dtype);
}

/**
 * The loop of {@link uniformFloat64} by the kernel (native/histogram_kernels.cc,
 * the same steps): counts, or weights' block sums, added into `total`. False
 * (nothing added) when the kernels cannot reach the memory.
 */
function uniformNative(x: NdArray, w: NdArray | null, first: number, last: number, denom: number, e: Float64Array, total: Float64Array, block: Float64Array): boolean {
  if (capturingKernels()) return false;
  const rx = regionOf(storageOf(x), x.offset);
  const rw = w === null ? null : regionOf(storageOf(w), w.offset);
  if (rx === null || (w !== null && rw === null)) return false;
  const operand = (a: NdArray, r: Region): UfuncOperand => [r.memory, r.byteOffset, [...a.strides], castCode(a.dtype), isSwapped(a.dtype)];
  histogramUniform(operand(x, rx), x.size, first, last, denom, e, total, w === null ? null : operand(w, rw!), w === null ? null : block);
  return true;
}

/**
 * NumPy's `_get_bin_edges`: the edges for `bins` (a count, a string
 * estimator or the edges themselves) over the flattened `x`, and for equal
 * bins their outer edges and count.
 */
function binEdges(x: NdArray, bins: unknown, range: readonly [Edge, Edge] | null | undefined, w: NdArray | null): { edges: NdArray; uniform: { first: Edge; last: Edge; n: number } | null } {
  let n: number;
  let first: Edge;
  let last: Edge;
  if (typeof bins === 'string') {
    if (!BIN_ESTIMATORS.includes(bins)) throw new ValueError(`'${bins}' is not a valid estimator for \`bins\``);
    if (w !== null) throw new TypeError('Automated estimation of the number of bins is not supported for weighted data');
    [first, last] = outerEdges(x, range);
    let t = x;
    if (range !== null && range !== undefined) {
      const keep = logicalAnd(greaterEqual(t, first), lessEqual(t, last));
      if (!all(keep).get()) t = compress(keep, t);
    }
    if (t.size === 0) {
      n = 1;
    } else {
      const f = first;
      const l = last;
      // NumPy's selectors get (first_edge, last_edge) as they are: the data's own float16/float32
      // min and max keep the inner histograms' arithmetic in that type.
      const width = binWidth(bins, t, (nbins) => histogram(t, { bins: nbins, range: [f, l] as unknown as [number, number] })[0]);
      // Complex data: NumPy's width (or the span it divides) is complex, and np.ceil has no
      // complex loop; only a zero width (every item alike) gives one bin first.
      // (binWidth's v is NaN for a complex width; scott's is real, and then only the span
      // between complex data's own outer edges is complex, not a given range's.)
      if (t.dtype.kind === 'c') {
        // 'scott' gives a real width (from np.std): a NaN one over a range's real
        // span reaches int(nan) first (fuzz seed 9776252).
        if (bins === 'scott' && range !== null && range !== undefined && Number.isNaN(width.v)) throw new ValueError('cannot convert float NaN to integer');
        const tf = t.ravel();
        const nonzero = width.v === null || Number.isNaN(width.v) ? !complexPtpIsZero(tf) : Boolean(width.v) && (range === null || range === undefined);
        if (nonzero) throw new TypeError("ufunc 'ceil' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
      }
      if (width.v) {
        const intData = t.dtype.kind === 'i' || t.dtype.kind === 'u';
        const wv = intData && width.v < 1 ? 1 : width.v;
        const wlow = intData && width.v < 1 ? false : width.low;
        const d = span(l, f);
        const dv = typeof d === 'number' ? d : Number(d.get());
        // The division rounds to float32/16 when the width is such a scalar and the
        // span is one too; a range's span is NumPy's float64 scalar (its
        // _unsigned_subtract of two Python numbers: not weak; fuzz seed 10022415),
        // and an integer span widens it to float64 too.
        const dLow = typeof d !== 'number' && d.dtype.kind === 'f' && d.dtype.itemsize < 8;
        const q = wlow && dLow ? rounderFor(t)(dv / wv) : dv / wv;
        n = Math.ceil(q);
      } else {
        n = 1;
      }
    }
  } else if (typeof bins === 'number' || typeof bins === 'bigint') {
    if (!Number.isInteger(Number(bins))) throw new TypeError('`bins` must be an integer, a string, or an array');
    n = Number(bins);
    if (n < 1) throw new ValueError('`bins` must be positive, when an integer');
    [first, last] = outerEdges(x, range);
  } else {
    const edges = isArray(bins) ? bins : asarray(bins);
    if (edges.ndim !== 1) throw new ValueError('`bins` must be 1d, when an array');
    if (edges.size > 1 && !Boolean(all(lessEqual(edges.index(':-1'), edges.index('1:'))).get())) throw new ValueError('`bins` must increase monotonically, when an array');
    return { edges, uniform: null };
  }
  // NumPy's int(np.ceil(span / width)) of an infinite quotient (a range over a zero width)
  if (n === Infinity) throw new OverflowError('cannot convert float infinity to integer');
  if (!(n + 1 <= MAX_EDGES) && n + 1 < 2 ** 63) {
    // a count intp holds: NumPy's linspace tries to allocate the edges
    throw allocationError([BigInt(n + 1)], 8, 'float64');
  }
  if (!(n + 1 <= MAX_EDGES)) {
    // NumPy's n_equal_bins is a Python int: past intp its linspace says
    // "Maximum allowed size exceeded"; here past 2^53 edges linspace said
    // "'float' object cannot be interpreted as an integer" (an estimator's
    // count over data with a tiny IQR and a huge range; found by adversarial
    // pass 6). Below that, allocating the edges is the RangeError that names the size.
    throw new ValueError(`Maximum allowed size exceeded (${n} bins)`);
  }
  let binType: DType = resultType(first as never, last as never, x);
  if (binType.kind !== 'f') binType = resultType(binType, 0.5);
  const edges = edgeSpace(first, last, n + 1, binType);
  if (edges.size > 1 && Boolean(any(greaterEqual(edges.index(':-1'), edges.index('1:'))).get())) {
    throw new ValueError(`Too many bins for data range. Cannot create ${n} finite-sized bins.`);
  }
  return { edges, uniform: { first, last, n } };
}

/**
 * NumPy's `np.histogram_bin_edges(a, bins=10, range=None, weights=None)`:
 * the edges {@link histogram} would use, for a bin count, one of NumPy's
 * estimators (`'auto'`, `'fd'`, `'doane'`, `'scott'`, `'stone'`, `'rice'`,
 * `'sturges'`, `'sqrt'`; the same edges as NumPy to the bit) or the edges
 * themselves (returned checked).
 *
 * @example
 * histogramBinEdges(asarray([0, 1, 2, 3, 10]), { bins: 'sturges' }).toArray(); // [0, 2.5, 5, 7.5, 10]
 * @throws ValueError for an unknown estimator, a non-finite range, or edges
 *   that do not increase; TypeError for an estimator with weights.
 */
export function histogramBinEdges(a: NdArray, bins?: HistogramBinEdgesOptions['bins'] | null, range?: HistogramBinEdgesOptions['range'] | null, weights?: HistogramBinEdgesOptions['weights'] | null): NdArray;
export function histogramBinEdges(a: NdArray, bins?: HistogramBinEdgesOptions['bins'] | HistogramBinEdgesOptions, options?: HistogramBinEdgesOptions): NdArray;
export function histogramBinEdges(a: NdArray, ...rest: unknown[]): NdArray {
  // NumPy's positional bins, range and weights, or the options.
  const o = readKnownOptions(positionalOptions<HistogramBinEdgesOptions>('histogram_bin_edges', ['bins', 'range', 'weights'], rest), ['bins', 'range', 'weights'], 'histogramBinEdges');
  const x0 = isArray(a) ? a : asarray(a);
  requireOpen(x0);
  let x = x0.dtype.kind === 'b' ? x0.astype('|u1') : x0;
  let w: NdArray | null = o.weights ?? null;
  if (w !== null) {
    if (!isArray(w)) w = asarray(w);
    if (w.shape.length !== x.shape.length || w.shape.some((s, i) => s !== x.shape[i])) throw new ValueError('weights should have the same shape as a.');
  }
  x = x.reshape(-1);
  return binEdges(x, o.bins ?? 10, o.range, w).edges;
}

/**
 * NumPy's `np.histogram(a, bins=10, range=None, density=None, weights=None)`
 * over the flattened `a`: `[hist, binEdges]`. `hist` is int64 (or the
 * weights' dtype; float64 with `density`), `binEdges` has `hist.length + 1`
 * items. All bins but the last are half-open; the last holds its right edge.
 * Bool data is read as uint8, as NumPy reads it (NumPy also warns).
 */
export function histogram(a: NdArray, bins?: HistogramOptions['bins'] | null, range?: HistogramOptions['range'] | null, density?: boolean | null, weights?: HistogramOptions['weights'] | null): [NdArray, NdArray];
export function histogram(a: NdArray, bins?: HistogramOptions['bins'] | HistogramOptions, options?: HistogramOptions): [NdArray, NdArray];
export function histogram(a: NdArray, ...rest: unknown[]): [NdArray, NdArray] {
  // NumPy's positional bins, range, density and weights, or the options.
  const o = readKnownOptions(positionalOptions<HistogramOptions>('histogram', ['bins', 'range', 'density', 'weights'], rest), ['bins', 'range', 'density', 'weights'], 'histogram');
  requireOpen(a);
  let x = a.dtype.kind === 'b' ? a.astype('|u1') : a;
  let w: NdArray | null = o.weights ?? null;
  if (w !== null) {
    if (!isArray(w)) w = asarray(w);
    if (w.shape.length !== x.shape.length || w.shape.some((s, i) => s !== x.shape[i])) throw new ValueError('weights should have the same shape as a.');
    w = w.reshape(-1);
  }
  x = x.reshape(-1);
  const { edges, uniform } = binEdges(x, o.bins ?? 10, o.range, w);
  const ntype = w === null ? toDType('<i8') : w.dtype;
  let hist: NdArray;
  // No bin (an estimator's width past the data's span: std overflowing to
  // inf) goes NumPy's general way: each kept item's index n - 1 = -1 is
  // bincount's ValueError (fuzz seed 10485977).
  const fast = uniform === null || uniform.n === 0 ? null : uniformFloat64(x, w, edges, uniform);
  if (fast !== null) {
    hist = fast;
  } else if (uniform !== null) {
    const { first, last, n } = uniform;
    hist = zeros([n], ntype);
    const denom = span(last, first);
    for (let i = 0; i < x.size; i += HISTOGRAM_BLOCK) {
      let t = x.index(`${i}:${i + HISTOGRAM_BLOCK}`);
      let tw = w === null ? null : w.index(`${i}:${i + HISTOGRAM_BLOCK}`);
      const keep = logicalAnd(greaterEqual(t, first), lessEqual(t, last));
      if (!all(keep).get()) {
        t = compress(keep, t);
        if (tw !== null) tw = compress(keep, tw);
      }
      t = t.astype(edges.dtype);
      const f = multiply(divide(span(t, first), denom), n);
      let idx: NdArray = f.astype('<i8');
      idx = subtract(idx, equal(idx, n));
      // Round-off can put an item one bin off near an edge: the edges decide.
      idx = subtract(idx, less(t, take(edges, idx)));
      idx = add(idx, logicalAnd(greaterEqual(t, take(edges, add(idx, 1))), notEqual(idx, n - 1)));
      if (tw !== null && ntype.kind === 'c') {
        // NumPy's n.real += bincount(weights=w.real); n.imag += bincount(weights=w.imag).
        add(hist.real, bincount(idx, { minlength: n, weights: tw.real }), { out: hist.real, casting: 'unsafe' });
        add(hist.imag, bincount(idx, { minlength: n, weights: tw.imag }), { out: hist.imag, casting: 'unsafe' });
        continue;
      }
      const c = bincount(idx, { minlength: n, ...(tw === null ? {} : { weights: tw }) });
      add(hist, c.dtype.equals(ntype) ? c : c.astype(ntype), { out: hist });
    }
  } else {
    const cum = zeros(edges.shape, ntype);
    const head = edges.index(':-1');
    const tail = edges.index('-1:');
    for (let i = 0; i < x.size; i += HISTOGRAM_BLOCK) {
      const t = x.index(`${i}:${i + HISTOGRAM_BLOCK}`);
      if (w === null) {
        const sa = sort(t);
        add(cum, concatenate([searchsorted(sa, head), searchsorted(sa, tail, { side: 'right' })]), { out: cum, casting: 'unsafe' });
      } else {
        const tw = w.index(`${i}:${i + HISTOGRAM_BLOCK}`);
        const order = argsort(t);
        const sa = take(t, order);
        const cw = concatenate([zeros([1], ntype), cumsum(take(tw, order))]);
        const at = concatenate([searchsorted(sa, head), searchsorted(sa, tail, { side: 'right' })]);
        add(cum, take(cw, at), { out: cum, casting: 'unsafe' });
      }
    }
    hist = edges.size === 0 ? cum : subtract(cum.index('1:'), cum.index(':-1'));
  }
  if (o.density) {
    const db = subtract(edges.index('1:'), edges.index(':-1')).astype('<f8');
    return [divide(divide(hist, db), sum(hist)), edges];
  }
  return [hist, edges];
}

/**
 * NumPy's `np.digitize(x, bins, right=False)`: for each item of `x` the
 * index of its bin in the monotonic 1-d `bins` (int64, shaped like `x`):
 * `bins[i-1] <= x < bins[i]` for increasing bins (`<` and `<=` swap with
 * `right`), mirrored for decreasing ones. Complex `x` is NumPy's TypeError,
 * bins that are not monotonic its ValueError.
 */
export function digitize(x: NdArray | number | readonly number[], bins: NdArray | readonly number[], right?: boolean | null, options?: DigitizeOptions): NdArray;
export function digitize(x: NdArray | number | readonly number[], bins: NdArray | readonly number[], options?: DigitizeOptions): NdArray;
export function digitize(x: NdArray | number | readonly number[], bins: NdArray | readonly number[], ...rest: unknown[]): NdArray {
  const o = readKnownOptions(positionalOptions<DigitizeOptions>('digitize', ['right'], rest), ['right'], 'digitize');
  const xs = isArray(x) ? x : asarray(x);
  const b = isArray(bins) ? bins : asarray(bins);
  requireOpen(xs);
  requireOpen(b);
  if (xs.dtype.kind === 'c') throw new TypeError('x may not be complex');
  // NumPy's _monotonicity reads the bins as doubles: complex bins cannot be.
  if (b.dtype.kind === 'c') throw new TypeError("Cannot cast array data from dtype('complex128') to dtype('float64') according to the rule 'safe'");
  if (b.ndim !== 1) throw new ValueError(b.ndim === 0 ? 'object of too small depth for desired array' : 'object too deep for desired array');
  let mono = 1;
  if (b.size > 1) {
    const lo = b.index(':-1');
    const hi = b.index('1:');
    if (Boolean(all(lessEqual(lo, hi)).get())) mono = 1;
    else if (Boolean(all(greaterEqual(lo, hi)).get())) mono = -1;
    else mono = 0;
  }
  if (mono === 0) throw new ValueError('bins must be monotonically increasing or decreasing');
  const side = o.right ? 'left' : 'right';
  if (mono === -1) return subtract(b.size, searchsorted(b.index('::-1'), xs, { side }));
  return searchsorted(b, xs, { side });
}
