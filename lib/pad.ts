/** A plain object as `padWidth` (NumPy 2.4's dict form), not a list or an array. */
function isWidthDict(w: unknown): w is PadWidthDict {
  // A { re, im } object is a complex scalar here (refused below as not integral), not a dict.
  return typeof w === 'object' && w !== null && !Array.isArray(w) && !isArray(w) && !ArrayBuffer.isView(w) && !('re' in w && 'im' in w);
}

/** NumPy's dict `pad_width` as one pair per axis: `(0, 0)` where no axis key (a negative key counts from the end). */
function fromWidthDict(w: PadWidthDict, ndim: number): unknown[] {
  const seq: unknown[] = new Array(ndim).fill([0, 0]);
  for (const key of Object.keys(w)) {
    const axis = Number(key);
    if (!Number.isInteger(axis)) throw new TypeError(`pad_width: the keys must be axes (integers), got ${repr(key)}`);
    if (axis < -ndim || axis >= ndim) throw new IndexError(`pad_width: axis ${key} is out of range for an array of ${ndim} dimensions`);
    const width = (w as Record<string, unknown>)[key];
    if (typeof width === 'number' || typeof width === 'bigint') seq[axis < 0 ? axis + ndim : axis] = [width, width];
    else if (Array.isArray(width) && width.length === 2) seq[axis < 0 ? axis + ndim : axis] = width;
    else throw new TypeError(`pad_width: the width of axis ${key} must be an integer or a [before, after] pair, got ${repr(width)}`);
  }
  return seq;
}

/**
 * NumPy's `pad(array, pad_width, mode='constant', **kwargs)`, ported from
 * `numpy/lib/_arraypad_impl.py` step for step: a new array of the padded
 * shape (`'F'` order when the input is Fortran- and not C-contiguous) with
 * the input copied into its middle, then each axis in turn padded over the
 * full extent of the axes before it and the original extent of those after
 * (NumPy's `_view_roi`), so the corners come out as NumPy's.
 *
 * Every step is a whole-block assignment (the native copy kernel, or a
 * ufunc for `linear_ramp` and a reduction for the statistics modes): wrap,
 * reflect and symmetric copy one period (or the part needed) per step, as
 * NumPy's `_set_wrap_both` / `_set_reflect_both` loops do.
 *
 * Modes: `'constant'` (`constantValues`, default 0), `'edge'`,
 * `'linear_ramp'` (`endValues`, default 0), `'maximum'`, `'mean'`,
 * `'median'`, `'minimum'` (`statLength`, default the whole axis),
 * `'reflect'`, `'symmetric'` (`reflectType` `'even'` or `'odd'`), `'wrap'`,
 * `'empty'`. Per-axis arguments take NumPy's forms: a number for every side,
 * `[before, after]` for every axis, or one pair per axis.
 * @module
 */
import type { NdArray } from './ndarray';
import { IndexError, OverflowError, ValueError, repr } from './errors';
import { Slice, type IndexItem } from './indexing';
import { allocate, isArray, requireOpen } from './internal';
import { asarray } from './array-coerce';
import { optionsWithValue, readOptions } from './options';
import { broadcastTo } from './views';
import { moveaxis } from './axis-views';
import { arange } from './create';
import { resultType } from './promote';
import { any, max, mean, min } from './reduce-axis';
import { median } from './quantile';
import { add, divide, multiply, subtract } from './ufuncs/arith';
import { equal } from './ufuncs/compare';
import { floor, rint } from './ufuncs/rounding';

/** The pad modes NumPy names (a function as the mode is not supported here). */
export type PadMode = 'constant' | 'edge' | 'linear_ramp' | 'maximum' | 'mean' | 'median' | 'minimum' | 'reflect' | 'symmetric' | 'wrap' | 'empty';

/** Per-axis values in NumPy's forms: one for all, `[before, after]` for all axes, or `[[before, after], ...]` per axis. */
export type PadPairs = number | readonly number[] | readonly (readonly number[])[] | NdArray;

/** NumPy 2.4's dict `pad_width`: `{ axis: width }` or `{ axis: [before, after] }`; other axes are not padded. */
export type PadWidthDict = { readonly [axis: number]: number | readonly [number, number] };

/** Options of {@link pad} (NumPy's keywords in camelCase). */
export interface PadOptions {
  /** How to fill the padding (default `'constant'`). */
  mode?: PadMode;
  /** `'constant'`: the values before and after each axis (default 0). */
  constantValues?: PadPairs;
  /** `'linear_ramp'`: the values the ramps end at (default 0). */
  endValues?: PadPairs;
  /** `'maximum'`, `'mean'`, `'median'`, `'minimum'`: how many items at each edge the statistic reads (default all). */
  statLength?: PadPairs | null;
  /** `'reflect'`, `'symmetric'`: `'even'` (default) or `'odd'` (the reflection subtracted from twice the edge). */
  reflectType?: 'even' | 'odd';
}

const KWARGS: Record<PadMode, readonly (keyof PadOptions)[]> = {
  empty: [],
  edge: [],
  wrap: [],
  constant: ['constantValues'],
  linear_ramp: ['endValues'],
  maximum: ['statLength'],
  mean: ['statLength'],
  median: ['statLength'],
  minimum: ['statLength'],
  reflect: ['reflectType'],
  symmetric: ['reflectType'],
};

const PY_NAME: Record<string, string> = { constantValues: 'constant_values', endValues: 'end_values', statLength: 'stat_length', reflectType: 'reflect_type' };

const PAD_OPTIONS: readonly (keyof PadOptions)[] = ['mode', 'constantValues', 'endValues', 'statLength', 'reflectType'];

/**
 * The options read once (lib/options.ts): each known one through
 * readOptions (a value inherited from a polluted Object.prototype is not the
 * caller's: `Object.prototype.mode = 'bogus'` failed every pad, and
 * `Object.prototype.constantValues = 9` changed its result), and the names of
 * those given besides `mode`, unknown ones included, for NumPy's
 * "unsupported keyword arguments". Each getter ran twice before (found by
 * adversarial pass 6).
 */
function readPadOptions(options: PadOptions): { options: PadOptions; given: string[] } {
  const read = readOptions(options, PAD_OPTIONS);
  const given: string[] = [];
  for (const k of Object.keys(options)) {
    if (k === 'mode') continue;
    if ((PAD_OPTIONS as readonly string[]).includes(k)) {
      if ((read as Record<string, unknown>)[k] !== undefined) given.push(k);
    } else if ((options as Record<string, unknown>)[k] !== undefined) {
      given.push(k);
    }
  }
  for (const k of PAD_OPTIONS) if (k !== 'mode' && read[k] !== undefined && !given.includes(k)) given.push(k);
  return { options: read, given };
}

/** `[:, ..., s, ...]` with `s` at `axis`. */
function at(ndim: number, axis: number, s: Slice): IndexItem[] {
  const items: IndexItem[] = new Array<IndexItem>(ndim).fill(new Slice());
  items[axis] = s;
  return items;
}

const sl = (start: number | null, stop: number | null, step: number | null = null): Slice => new Slice(start, stop, step);

/** NumPy's `_as_pairs`: `x` as one (before, after) pair per axis; `asIndex` rounds to integers and refuses negatives. */
function asPairs(x: PadPairs | null | undefined, ndim: number, asIndex: boolean, scalars = false): ([number, number] | [null, null])[] {
  if (x === null || x === undefined) return new Array(ndim).fill([null, null]);
  let a = isArray(x) ? x : asarray(x);
  if (asIndex) a = rint(a).astype('<i8');
  // Values (constant_values, end_values) kept exact: a uint64 2^64 - 1 is no float
  // (test_check_large_integers); widths and lengths as numbers.
  const flat = (a.ravel().toArray() as (number | bigint)[]).map((v) => (asIndex ? Number(v) : v)) as number[];
  const neg = (): ValueError => new ValueError("index can't contain negative values");
  // One value or one pair: NumPy returns items of np.array(x) (NumPy scalars of its dtype, which
  // setitem casts unsafely: -1 pads a uint16 array with 65535); `scalars` asks for them as 0-d
  // arrays. The per-axis form is .tolist()'s Python values (out of range: OverflowError).
  const item = (k: number): number => (scalars ? (a.ravel().index(k) as unknown as number) : flat[k]);
  if (a.ndim < 3) {
    if (a.size === 1) {
      if (asIndex && flat[0] < 0) throw neg();
      return new Array(ndim).fill([item(0), item(0)]);
    }
    if (a.size === 2 && !(a.ndim === 2 && a.shape[0] === 2 && a.shape[1] === 1)) {
      if (asIndex && (flat[0] < 0 || flat[1] < 0)) throw neg();
      return new Array(ndim).fill([item(0), item(1)]);
    }
  }
  if (asIndex && a.size > 0 && Math.min(...flat) < 0) throw neg();
  // NumPy's np.broadcast_to words for more than (ndim, 2) dimensions (test_misshaped_pad_width_2).
  if (a.ndim > 2) throw new ValueError('input operand has more dimensions than allowed by the axis remapping');
  let b: NdArray;
  try {
    b = broadcastTo(a, [ndim, 2]);
  } catch {
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: (${a.shape.join(',')}${a.ndim === 1 ? ',' : ''})  and requested shape (${ndim},2)`);
  }
  const v = (b.copy().ravel().toArray() as (number | bigint)[]).map((x) => (asIndex ? Number(x) : x)) as number[];
  return Array.from({ length: ndim }, (_, i) => [v[2 * i], v[2 * i + 1]] as [number, number]);
}

/**
 * A constant for a signed integer array, as NumPy's setitem takes a NumPy
 * scalar there: through a Python int, so one outside the dtype is NumPy's
 * OverflowError (`np.pad(int8, 1, constant_values=300)`; an unsigned array
 * wraps it, as NumPy's does: -1 pads a uint16 array with 65535).
 */
function checkSignedFill(v0: unknown, dt: NdArray['dtype']): void {
  const v = isArray(v0) ? v0.item() : v0;
  if (typeof v !== 'number' && typeof v !== 'bigint') return;
  if (typeof v === 'number' && Number.isNaN(v)) throw new ValueError('cannot convert float NaN to integer');
  if (typeof v === 'number' && !Number.isFinite(v)) throw new OverflowError('cannot convert float infinity to integer');
  const t = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
  if (t < -(2n ** 63n) || t >= 2n ** 63n) throw new OverflowError('Python int too large to convert to C long');
  const half = 1n << BigInt(dt.itemsize * 8 - 1);
  if (t < -half || t >= half) throw new OverflowError(`Python integer ${t} out of bounds for ${dt.name}`);
}

/** NumPy's `_set_pad_area`: the `width` items at each end of `axis` set to the values. */
function setPadArea(p: NdArray, axis: number, width: readonly [number, number], values: readonly [unknown, unknown]): void {
  const n = p.shape[axis];
  if (width[0] > 0) p.index(...at(p.ndim, axis, sl(null, width[0]))).set(values[0]);
  if (width[1] > 0) p.index(...at(p.ndim, axis, sl(n - width[1], null))).set(values[1]);
}

/** NumPy's `_get_edges`: the first and last slices of the original area along `axis`. */
function edges(p: NdArray, axis: number, width: readonly [number, number]): [NdArray, NdArray] {
  const l = width[0];
  const r = p.shape[axis] - width[1];
  return [p.index(...at(p.ndim, axis, sl(l, l + 1))), p.index(...at(p.ndim, axis, sl(r - 1, r)))];
}

/** NumPy's `linspace(start, stop, num, endpoint=False, dtype, axis)` as `_get_linear_ramps` calls it. */
function ramp(start: number | NdArray, stop: NdArray, num: number, axis: number, target: NdArray['dtype']): NdArray {
  // linspace's _array_converter keeps a Python scalar weak: a float32 edge with a
  // per-axis end value (a .tolist() item) ramps in float32, and with one value or
  // one pair (a NumPy scalar, here a 0-d array) in float64 (fuzz seed 9378080).
  let dt = resultType(stop, start);
  if (!(dt.kind === 'f' || dt.kind === 'c')) dt = resultType(dt, 0.5);
  const delta = subtract(stop, start, { dtype: dt });
  let y: NdArray = arange(0, num, 1, dt).reshape([num, ...new Array<number>(delta.ndim).fill(1)]);
  const step = divide(delta, num);
  y = any(equal(step, 0)).toArray() ? multiply(divide(y, num), delta) : multiply(y, step);
  y = add(y, start);
  if (axis !== 0) y = moveaxis(y, 0, axis);
  if (target.kind === 'i' || target.kind === 'u') y = floor(y);
  return y.astype(target);
}

/** NumPy's `_get_stats` for one axis. */
function stats(p: NdArray, axis: number, width: readonly [number, number], length: readonly [number | null, number | null], fn: (a: NdArray, axis: number) => NdArray, extremum: boolean): [NdArray, NdArray] {
  const li = width[0];
  const ri = p.shape[axis] - width[1];
  const maxLength = ri - li;
  let [ll, rl] = length;
  if (ll === null || maxLength < ll) ll = maxLength;
  if (rl === null || maxLength < rl) rl = maxLength;
  if ((ll === 0 || rl === 0) && extremum) throw new ValueError('stat_length of 0 yields no value for padding');
  // NumPy's _round_if_needed rounds the statistic in place (`arr.round(out=arr)`): a float mean
  // or median of ints; an int minimum/maximum stays an int (rint would take it through float64).
  const round = (s: NdArray): NdArray => ((p.dtype.kind === 'i' || p.dtype.kind === 'u') && s.dtype.kind === 'f' ? rint(s) : s);
  const left = round(fn(p.index(...at(p.ndim, axis, sl(li, li + ll))), axis));
  if (ll === maxLength && rl === maxLength) return [left, left];
  return [left, round(fn(p.index(...at(p.ndim, axis, sl(ri - rl, ri))), axis))];
}

/** One step of NumPy's `_set_reflect_both`; returns the pads left to fill. */
function reflectBoth(p: NdArray, axis: number, width: [number, number], odd: boolean, period: number, includeEdge: boolean): [number, number] {
  let [lp, rp] = width;
  const nd = p.ndim;
  let old = p.shape[axis] - rp - lp;
  let edgeOffset: number;
  if (includeEdge) {
    old = Math.floor(old / period) * period;
    edgeOffset = 1;
  } else {
    old = Math.floor((old - 1) / (period - 1)) * (period - 1) + 1;
    edgeOffset = 0;
    old -= 1;
  }
  const n = p.shape[axis];
  if (lp > 0) {
    const len = Math.min(old, lp);
    const stop = lp - edgeOffset;
    const start = stop + len;
    // slice(start, stop, -1): a stop of -1 would mean the end, Python's slice(k, -1, -1) is empty-to-start.
    let chunk: NdArray = p.index(...at(nd, axis, sl(start, stop < 0 ? null : stop, -1)));
    if (odd) chunk = subtract(multiply(p.index(...at(nd, axis, sl(lp, lp + 1))), 2), chunk);
    p.index(...at(nd, axis, sl(lp - len, lp))).set(chunk);
    lp -= len;
  }
  if (rp > 0) {
    const len = Math.min(old, rp);
    const start = n - rp + edgeOffset - 2;
    const stop = start - len;
    let chunk: NdArray = p.index(...at(nd, axis, sl(start, stop < 0 ? null : stop, -1)));
    if (odd) chunk = subtract(multiply(p.index(...at(nd, axis, sl(n - rp - 1, n - rp))), 2), chunk);
    const s = n - rp;
    p.index(...at(nd, axis, sl(s, s + len))).set(chunk);
    rp -= len;
  }
  return [lp, rp];
}

/** One step of NumPy's `_set_wrap_both`; returns the pads left to fill. */
function wrapBoth(p: NdArray, axis: number, width: [number, number], originalPeriod: number): [number, number] {
  const [lp, rp] = width;
  const nd = p.ndim;
  const n = p.shape[axis];
  let period = n - rp - lp;
  period = Math.floor(period / originalPeriod) * originalPeriod;
  let newL = 0;
  let newR = 0;
  if (lp > 0) {
    const end = lp + period;
    const chunk = p.index(...at(nd, axis, sl(end - Math.min(period, lp), end)));
    let area: Slice;
    if (lp > period) {
      area = sl(lp - period, lp);
      newL = lp - period;
    } else {
      area = sl(null, lp);
    }
    p.index(...at(nd, axis, area)).set(chunk);
  }
  if (rp > 0) {
    const start = n - rp - period;
    const chunk = p.index(...at(nd, axis, sl(start, start + Math.min(period, rp))));
    let area: Slice;
    if (rp > period) {
      area = sl(n - rp, n - rp + period);
      newR = rp - period;
    } else {
      area = sl(n - rp, null);
    }
    p.index(...at(nd, axis, area)).set(chunk);
  }
  return [newL, newR];
}

/**
 * NumPy's `pad(array, pad_width, mode='constant', **kwargs)`: a new array
 * with `padWidth` items added before and after each axis, filled as `mode`
 * says (see the module comment). `padWidth` is a number for every side,
 * `[before, after]` for every axis, one pair per axis, or (NumPy 2.4's dict
 * form) an object `{ axis: width | [before, after] }` padding only those axes.
 *
 * @example
 * pad(asarray([1, 2, 3]), [2, 1]).toArray(); // [0, 0, 1, 2, 3, 0]
 * pad(asarray([1, 2, 3]), 2, { mode: 'reflect' }).toArray(); // [3, 2, 1, 2, 3, 2, 1]
 * pad(asarray([[1, 2], [3, 4]]), 1, { mode: 'edge' }).shape; // [4, 4]
 * @throws TypeError for a non-integer `padWidth`; ValueError for a negative
 *   one, an unknown mode, an option the mode does not take, or a non-empty
 *   pad of an empty axis in a mode that reads it (NumPy's messages).
 */
export function pad(array: NdArray | unknown, padWidth: PadPairs | PadWidthDict, modeArg?: PadOptions['mode'] | PadOptions, options?: PadOptions): NdArray {
  // NumPy's positional mode (np.pad(a, 2, 'edge')), or the options.
  options = optionsWithValue('pad', 'mode', modeArg, options) ?? {};
  if (options === null || typeof options !== 'object') throw new TypeError(`pad: options must be an object, got ${repr(options)}`);
  const o = readPadOptions(options);
  const a = isArray(array) ? array : asarray(array);
  const mode = (o.options.mode ?? 'constant') as PadMode;
  if (!Object.prototype.hasOwnProperty.call(KWARGS, mode)) throw new ValueError(`mode '${String(mode)}' is not supported`);
  const extra = o.given.filter((k) => !(KWARGS[mode] as readonly string[]).includes(k));
  if (extra.length > 0) throw new ValueError(`unsupported keyword arguments for mode '${mode}': {${extra.map((k) => `'${PY_NAME[k] ?? k}'`).join(', ')}}`);
  if (padWidth === null || padWidth === undefined) throw new TypeError('`pad_width` must be of integral type.');
  const pw = isArray(padWidth) ? padWidth : asarray((isWidthDict(padWidth) ? fromWidthDict(padWidth, a.ndim) : padWidth) as never);
  if (pw.dtype.kind !== 'i' && !(pw.dtype.kind === 'u')) throw new TypeError('`pad_width` must be of integral type.');
  // The input checked after every argument of the caller's was read (a getter may close it).
  requireOpen(a);
  const widths = asPairs(pw, a.ndim, true) as [number, number][];
  const opts = o.options;
  const nd = a.ndim;
  // _pad_simple: the new array, the input copied into its middle.
  const f = a.flags;
  const shape = a.shape.map((n, i) => n + widths[i][0] + widths[i][1]);
  const padded = allocate(a.dtype, shape, f.fContiguous && !f.cContiguous ? 'F' : 'C', true);
  const orig = a.shape.map((n, i) => sl(widths[i][0], widths[i][0] + n));
  if (a.size > 0) padded.index(...orig).set(a);
  // _view_roi: axes up to `axis` whole, later ones their original area.
  const roi = (axis: number): NdArray => padded.index(...shape.map((_, i) => (i <= axis ? sl(null, null) : orig[i])));
  if (mode === 'empty') return padded;
  if (mode === 'constant') {
    const values = asPairs(opts.constantValues ?? 0, nd, false, true);
    if (padded.dtype.kind === 'i') for (const pair of values) for (const v of pair) checkSignedFill(v, padded.dtype);
    for (let axis = 0; axis < nd; axis++) setPadArea(roi(axis), axis, widths[axis], values[axis]);
    return padded;
  }
  if (a.size === 0) {
    for (let axis = 0; axis < nd; axis++) {
      if (a.shape[axis] === 0 && (widths[axis][0] > 0 || widths[axis][1] > 0)) {
        throw new ValueError(`can't extend empty axis ${axis} using modes other than 'constant' or 'empty'`);
      }
    }
    return padded;
  }
  if (mode === 'edge') {
    for (let axis = 0; axis < nd; axis++) {
      const r = roi(axis);
      setPadArea(r, axis, widths[axis], edges(r, axis, widths[axis]));
    }
  } else if (mode === 'linear_ramp') {
    // One value or one pair as NumPy scalars (0-d arrays, which promote as their dtype), else Python values.
    const ends = asPairs(opts.endValues ?? 0, nd, false, true) as unknown as [number | NdArray, number | NdArray][];
    for (let axis = 0; axis < nd; axis++) {
      const r = roi(axis);
      const [le, re] = edges(r, axis, widths[axis]);
      const left = ramp(ends[axis][0], le.squeeze(axis), widths[axis][0], axis, r.dtype);
      const right = ramp(ends[axis][1], re.squeeze(axis), widths[axis][1], axis, r.dtype).index(...at(nd, axis, sl(null, null, -1)));
      setPadArea(r, axis, widths[axis], [left, right]);
    }
  } else if (mode === 'maximum' || mode === 'minimum' || mode === 'mean' || mode === 'median') {
    const fn = {
      maximum: (x: NdArray, ax: number) => max(x, ax, { keepdims: true }),
      minimum: (x: NdArray, ax: number) => min(x, ax, { keepdims: true }),
      mean: (x: NdArray, ax: number) => mean(x, ax, { keepdims: true }),
      median: (x: NdArray, ax: number) => median(x, { axis: ax, keepdims: true }),
    }[mode];
    const lengths = asPairs(opts.statLength ?? null, nd, true) as [number | null, number | null][];
    for (let axis = 0; axis < nd; axis++) {
      const r = roi(axis);
      setPadArea(r, axis, widths[axis], stats(r, axis, widths[axis], lengths[axis], fn, mode === 'maximum' || mode === 'minimum'));
    }
  } else if (mode === 'reflect' || mode === 'symmetric') {
    const method = opts.reflectType ?? 'even';
    if (method !== 'even' && method !== 'odd') throw new ValueError(`reflect_type must be 'even' or 'odd', got ${repr(method)}`);
    for (let axis = 0; axis < nd; axis++) {
      let w: [number, number] = [widths[axis][0], widths[axis][1]];
      if (a.shape[axis] === 1 && (w[0] > 0 || w[1] > 0)) {
        setPadArea(padded, axis, w, edges(padded, axis, w));
        continue;
      }
      const r = roi(axis);
      while (w[0] > 0 || w[1] > 0) w = reflectBoth(r, axis, w, method === 'odd', a.shape[axis], mode === 'symmetric');
    }
  } else {
    for (let axis = 0; axis < nd; axis++) {
      let w: [number, number] = [widths[axis][0], widths[axis][1]];
      const r = roi(axis);
      const period = r.shape[axis] - w[0] - w[1];
      while (w[0] > 0 || w[1] > 0) w = wrapBoth(r, axis, w, period);
    }
  }
  return padded;
}

