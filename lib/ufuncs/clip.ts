/**
 * `clip(x, lo, hi)`: NumPy's `np.clip`, NaN propagating from any input. As
 * NumPy 2's `_clip`, a Python int bound beyond an integer array's range means
 * "no bound" (`clip(u1, -1, 100)` works), a missing bound (`null`) uses
 * `minimum`/`maximum` alone, and no bounds at all give a copy.
 * @module
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { NdArray as ArrayClass } from '../internal';
import type { NdArray } from '../ndarray';
import { weakKind } from '../promote';
import { ValueError } from '../errors';
import { callUfunc, UFuncTypeError, type AnyLoop, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { ALL } from './types';
import { MAXIMUM, MINIMUM } from './arith';
import { family } from './family';

type X = any;
type L3 = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, c: X, ci: number, cs: number, o: X, oi: number, os: number) => void;

// _NPY_MIN(_NPY_MAX(x, lo), hi), where a NaN first argument wins and a NaN second one loses every comparison.
// Bounds constant over the loop (scalars, broadcast rows) take NumPy 2.4's scalar-bounds loop:
// a NaN bound makes every result NaN, else min(hi, max(lo, x)) with x86's minpd/maxpd ties
// (the second operand wins), so a zero bound equal to x keeps x's sign: clip(-5, -0.0, 0.0)
// is -0.0 there, 0.0 with bound arrays (NumPy 2.4.6; fuzz seed 5474).
const CLIP: L3 = (n, a, ai, as, b, bi, bs, c, ci, cs, o, oi, os) => {
  if (bs === 0 && cs === 0) {
    const lo = b[bi];
    const hi = c[ci];
    for (let k = 0; k < n; k++, ai += as, oi += os) {
      const x = a[ai];
      const m = lo > x ? lo : x;
      o[oi] = lo !== lo ? lo : hi !== hi ? hi : hi < m ? hi : m;
    }
    return;
  }
  for (let k = 0; k < n; k++, ai += as, bi += bs, ci += cs, oi += os) {
    let x = a[ai];
    if (x === x) {
      const lo = b[bi];
      x = x > lo ? x : lo;
    }
    if (x === x) {
      const hi = c[ci];
      x = x < hi ? x : hi;
    }
    o[oi] = x;
  }
};
const CLIP_B: L3 = (n, a, ai, as, b, bi, bs, c, ci, cs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, ci += cs, oi += os) {
    let x = a[ai] !== 0 ? 1 : 0;
    const lo = b[bi] !== 0 ? 1 : 0;
    const hi = c[ci] !== 0 ? 1 : 0;
    x = x > lo ? x : lo;
    o[oi] = x < hi ? x : hi;
  }
};

// Complex: lexicographic order, a NaN (either part) first argument wins (clip.cpp's complex _NPY_MIN/_NPY_MAX).
const clt = (ar: number, ai: number, br: number, bi: number): boolean => ar < br || (ar === br && ai < bi);
const CLIP_C: L3 = (n, a, ai, as, b, bi, bs, c, ci, cs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, ci += cs, oi += os) {
    let xr = a[ai], xi = a[ai + 1];
    const lr = b[bi], li = b[bi + 1], hr = c[ci], hi = c[ci + 1];
    if (!(clt(lr, li, xr, xi) || xr !== xr || xi !== xi)) [xr, xi] = [lr, li];
    if (!(clt(xr, xi, hr, hi) || xr !== xr || xi !== xi)) [xr, xi] = [hr, hi];
    o[oi] = xr;
    o[oi + 1] = xi;
  }
};

export const CLIP_SPEC: UfuncSpec = {
  name: 'clip',
  nin: 3,
  types: ALL,
  loop: (r) => {
    const f = family(r.inTypes[0]);
    return (f === 'b' ? CLIP_B : f === 'c' ? CLIP_C : CLIP) as AnyLoop;
  },
};

const POSITIVE: UfuncSpec = {
  name: 'positive',
  nin: 1,
  types: ALL,
  loop: (r) =>
    (family(r.inTypes[0]) === 'c'
      ? (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number) => {
          for (let k = 0; k < n; k++, ai += as, oi += os) {
            o[oi] = a[ai];
            o[oi + 1] = a[ai + 1];
          }
        }
      : (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number) => {
          for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai];
        }) as AnyLoop,
};

/** Is the Python int `v` at or beyond the end of integer dtype range `[lo, hi]` that `side` names? */
function beyond(v: UfuncInput | null, x: NdArray, side: 'lo' | 'hi'): boolean {
  if (v === null || weakKind(v) !== 'i' || typeof v === 'boolean') return false;
  const bits = BigInt(x.itemsize * 8);
  const lo = x.dtype.kind === 'u' ? 0n : -(2n ** (bits - 1n));
  const hi = x.dtype.kind === 'u' ? 2n ** bits - 1n : 2n ** (bits - 1n) - 1n;
  const b = BigInt(v as number | bigint);
  return side === 'lo' ? b <= lo : b >= hi;
}

/** The options of {@link clip}: the ufunc options, and NumPy 2.1's `min` and `max` keywords for the bounds. */
export interface ClipOptions extends UfuncOptions {
  /** The lower bound (NumPy's `min=`), where the positional `lo` is not given. */
  min?: UfuncInput | null;
  /** The upper bound (NumPy's `max=`), where the positional `hi` is not given. */
  max?: UfuncInput | null;
}

/** A plain options object (not a `{ re, im }` complex bound, an array or a list). */
function isOptionsObject(v: unknown): v is ClipOptions {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof ArrayClass || ArrayBuffer.isView(v)) return false;
  return weakKind(v) !== 'c';
}

/**
 * NumPy's `np.clip(x, lo, hi)`: every element limited to [lo, hi]; `null`
 * for no bound, or NumPy 2.1's keywords `clip(x, { min, max })`. Takes
 * `out` and `where` as ufuncs do.
 */
export function clip(x: UfuncInput, lo: UfuncInput | null, hi: UfuncInput | null, options?: ClipOptions): NdArray;
export function clip(x: UfuncInput, options?: ClipOptions): NdArray;
export function clip(x: UfuncInput, loArg?: UfuncInput | null | ClipOptions, hiArg?: UfuncInput | null, optionsArg?: ClipOptions): NdArray {
  let lo = loArg as UfuncInput | null | undefined;
  let hi = hiArg;
  let options: ClipOptions | undefined = optionsArg;
  // NumPy 2.1's keywords min and max, in the options (clip(x, { min: 0, max: 1 })): one bound or both.
  if (isOptionsObject(loArg) && hiArg === undefined && optionsArg === undefined) {
    options = loArg;
    lo = null;
    hi = null;
  }
  if (options !== undefined && options !== null && typeof options === 'object' && ('min' in options || 'max' in options)) {
    const { min, max, ...rest } = options;
    if (lo !== null && lo !== undefined && hi !== null && hi !== undefined) throw new ValueError('Passing `min` or `max` keyword argument when `a_min` and `a_max` are provided is forbidden.');
    if (min !== undefined) lo = min;
    if (max !== undefined) hi = max;
    options = rest;
  }
  lo ??= null;
  hi ??= null;
  if (x instanceof ArrayClass && (x.dtype.kind === 'i' || x.dtype.kind === 'u')) {
    if (beyond(lo, x, 'lo')) lo = null;
    if (beyond(hi, x, 'hi')) hi = null;
  }
  if (lo === null && hi === null) {
    // NumPy's `positive` has no bool loop, and its type resolver names the DType class.
    if (x instanceof ArrayClass ? x.dtype.kind === 'b' : typeof x === 'boolean') {
      throw new UFuncTypeError("ufunc 'positive' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None");
    }
    return callUfunc(POSITIVE, [x], options);
  }
  if (lo === null) return callUfunc(MINIMUM, [x, hi as UfuncInput], options);
  if (hi === null) return callUfunc(MAXIMUM, [x, lo], options);
  return callUfunc(CLIP_SPEC, [x, lo, hi], options);
}
