/**
 * NumPy's `interp(x, xp, fp, left, right, period)`, bit for bit: the loop of
 * numpy/_core/src/multiarray/compiled_base.c (`arr_interp`,
 * `arr_interp_complex`) over float64 (complex128 for a complex `fp`):
 *
 * - each `x` is placed by `binary_search_with_guess` (the previous index is
 *   the guess; a linear scan for `xp` of at most 4 points), so an unsorted
 *   or NaN-holding `xp` gives NumPy's own (meaningless but deterministic)
 *   answer;
 * - a NaN `x` gives NaN (NaN + 0j), an `x` equal to `xp[j]` gives `fp[j]`
 *   exactly (no 0 * inf);
 * - otherwise `slope * (x - xp[j]) + fp[j]` with `slope = (fp[j+1] -
 *   fp[j]) / (xp[j+1] - xp[j])` (complex: both parts times `1 / dx`), and
 *   when that is NaN, the same from the right end point, then `fp[j]` when
 *   the two end values are equal (equal `xp` with infinite `fp`, gh-11440).
 *
 * `period` is NumPy's Python front: `x % period`, `xp % period` sorted
 * with `fp` in the same order, one point wrapped onto each end.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { ValueError, repr } from './errors';
import { allocate, isArray, requireOpen } from './internal';
import { dtype as toDType } from './dtype';
import { positionalOptions, readKnownOptions } from './options';
import { argsort } from './sort';
import { take } from './fancy';
import { concatenate } from './join';
import { remainder, subtract, add } from './ufuncs/arith';
import type { Complex } from './value-types';

/** Options of {@link interp}, as NumPy's keywords. */
export interface InterpOptions {
  /** The value for `x < xp[0]` (default `fp[0]`); a `{ re, im }` for a complex `fp`. */
  left?: number | Complex | null;
  /** The value for `x > xp[-1]` (default `fp[-1]`); a `{ re, im }` for a complex `fp`. */
  right?: number | Complex | null;
  /** The period of the x-coordinates: `xp` need not be sorted, `left`/`right` are ignored. Not 0. */
  period?: number | null;
}

/** What `interp` accepts for `x`, `xp` and `fp`: an array, a nested list or a scalar. */
export type InterpInput = NdArray | number | bigint | boolean | Complex | readonly unknown[];

/** NumPy's LIKELY_IN_CACHE_SIZE of binary_search_with_guess. */
const LIKELY_IN_CACHE_SIZE = 8;

/** x is placed in blocks of this many items, so a huge `x` never needs a second full-size float64 copy. */
const BLOCK = 1 << 16;

/**
 * NumPy's binary_search_with_guess: the `i` with `arr[i] <= key < arr[i+1]`,
 * -1 below `arr[0]`, `len` above `arr[len-1]`, `len - 1` at it.
 */
function searchWithGuess(key: number, arr: Float64Array, len: number, guess: number): number {
  let imin = 0;
  let imax = len;
  if (key > arr[len - 1]) return len;
  if (key < arr[0]) return -1;
  if (len <= 4) {
    let i = 1;
    while (i < len && key >= arr[i]) i++;
    return i - 1;
  }
  if (guess > len - 3) guess = len - 3;
  if (guess < 1) guess = 1;
  if (key < arr[guess]) {
    if (key < arr[guess - 1]) {
      imax = guess - 1;
      if (guess > LIKELY_IN_CACHE_SIZE && key >= arr[guess - LIKELY_IN_CACHE_SIZE]) imin = guess - LIKELY_IN_CACHE_SIZE;
    } else {
      return guess - 1;
    }
  } else if (key < arr[guess + 1]) {
    return guess;
  } else if (key < arr[guess + 2]) {
    return guess + 1;
  } else {
    imin = guess + 2;
    if (guess < len - LIKELY_IN_CACHE_SIZE - 1 && key < arr[guess + LIKELY_IN_CACHE_SIZE]) imax = guess + LIKELY_IN_CACHE_SIZE;
  }
  while (imin < imax) {
    const imid = imin + ((imax - imin) >> 1);
    if (key >= arr[imid]) imin = imid + 1;
    else imax = imid;
  }
  return imin - 1;
}

/** A fresh C-contiguous float64 copy of `a` (any numeric dtype) and its items. */
function float64Items(a: NdArray, dt: '<f8' | '<c16'): Float64Array {
  const c = a.astype(dt, 'C');
  return new Float64Array(c.buffer as ArrayBuffer, c.byteOffset, c.size * (dt === '<c16' ? 2 : 1));
}

function toArray(v: InterpInput, what: string): NdArray {
  if (isArray(v)) {
    requireOpen(v);
    return v;
  }
  if (v === undefined || v === null) throw new TypeError(`interp() ${what} must be an array, a list or a number, got ${repr(v)}`);
  return asarray(v);
}

/** A `left`/`right` fill value as Python's float() (or complex()) reads it. */
function fillValue(v: number | Complex | null | undefined, complex: boolean, what: string): [number, number] | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return [v, 0];
  if (typeof v === 'boolean' || typeof v === 'bigint') return [Number(v), 0];
  if (typeof v === 'object' && typeof (v as Complex).re === 'number' && typeof (v as Complex).im === 'number') {
    if (!complex) throw new TypeError('must be real number, not complex');
    return [(v as Complex).re, (v as Complex).im];
  }
  throw new TypeError(`must be real number, not ${typeof v} (interp ${what} ${repr(v)})`);
}

/**
 * NumPy's `np.interp(x, xp, fp, left=None, right=None, period=None)`: the
 * one-dimensional piecewise linear interpolant through `(xp, fp)` at `x`,
 * float64 (complex128 when `fp` is complex), shaped like `x` (0-d for a
 * scalar `x`). `xp` must increase (unless `period` is given); NumPy does not
 * check it, and neither does this.
 *
 * @example
 * interp([2.5, 0, 9], [1, 2, 3], [3, 2, 0]).toArray(); // [1, 3, 0]
 * @throws ValueError for an empty `xp`, `xp` and `fp` of different lengths, a `period` of 0, or `xp`/`fp` not 1-d
 */
export function interp(x: InterpInput, xp: InterpInput, fp: InterpInput, left?: InterpOptions['left'] | null, right?: InterpOptions['right'] | null, period?: InterpOptions['period'] | null, options?: InterpOptions): NdArray;
export function interp(x: InterpInput, xp: InterpInput, fp: InterpInput, options?: InterpOptions): NdArray;
export function interp(x: InterpInput, xp: InterpInput, fp: InterpInput, ...rest: unknown[]): NdArray {
  // NumPy's positional left, right and period, or the options.
  const o = readKnownOptions(positionalOptions<InterpOptions>('interp', ['left', 'right', 'period'], rest), ['left', 'right', 'period'], 'interp');
  let fa = toArray(fp, 'fp');
  const complex = fa.dtype.kind === 'c';
  const fdt = complex ? '<c16' : '<f8';
  let xa = toArray(x, 'x');
  let xpa = toArray(xp, 'xp');
  // With a period NumPy's front converts x and xp by np.asarray(..., float64): a complex one
  // loses its imaginary part (ComplexWarning) instead of failing the compiled loop's safe cast.
  const periodic = o.period !== undefined && o.period !== null;
  for (const [a, what] of [[fa, 'fp'], [xpa, 'xp'], [xa, 'x']] as const) {
    // ... and a record there is cast unsafely: one numeric field passes, more are astype's TypeError (fuzz seed 3017302).
    if (periodic && what !== 'fp' && a.dtype.isStructured) continue;
    if (!'biufc'.includes(a.dtype.kind) || (a.dtype.kind === 'c' && what !== 'fp' && !periodic)) {
      throw new TypeError(`interp() ${what} must be ${what === 'fp' ? 'numeric' : 'real'}, got dtype ${a.dtype.str}`);
    }
  }
  let left = fillValue(o.left, complex, 'left');
  let right = fillValue(o.right, complex, 'right');
  if (o.period !== undefined && o.period !== null) {
    if (typeof o.period !== 'number') throw new TypeError(`interp() period must be a number, got ${repr(o.period)}`);
    if (o.period === 0) throw new ValueError('period must be a non-zero value');
    const period = Math.abs(o.period);
    left = right = null;
    xa = xa.astype('<f8');
    xpa = xpa.astype('<f8');
    fa = fa.astype(fdt);
    if (xpa.ndim !== 1 || fa.ndim !== 1) throw new ValueError('Data points must be 1-D sequences');
    if (xpa.shape[0] !== fa.shape[0]) throw new ValueError('fp and xp are not of the same length');
    xa = remainder(xa, period);
    xpa = remainder(xpa, period);
    const order = argsort(xpa);
    xpa = take(xpa, order);
    fa = take(fa, order);
    xpa = concatenate([subtract(xpa.index('-1:'), period), xpa, add(xpa.index('0:1'), period)]);
    fa = concatenate([fa.index('-1:'), fa, fa.index('0:1')]);
  }
  // PyArray_ContiguousFromAny(fp, NPY_DOUBLE, 1, 1): fp and xp exactly 1-d.
  for (const a of [fa, xpa]) {
    if (a.ndim !== 1) throw new ValueError(a.ndim === 0 ? 'object of too small depth for desired array' : 'object too deep for desired array');
  }
  const lenxp = xpa.size;
  if (lenxp === 0) throw new ValueError('array of sample points is empty');
  if (fa.size !== lenxp) throw new ValueError('fp and xp are not of the same length.');
  const dx = float64Items(xpa, '<f8');
  const dy = float64Items(fa, fdt);
  const out = allocate(toDType(fdt), xa.shape);
  const lenx = xa.size;
  if (lenx === 0) return out;
  const flat = xa.ndim === 1 ? xa : xa.reshape(-1);
  const res = new Float64Array(out.buffer as ArrayBuffer, out.byteOffset, lenx * (complex ? 2 : 1));
  const w = complex ? 2 : 1;
  const lre = left === null ? dy[0] : left[0];
  const lim = left === null ? (complex ? dy[1] : 0) : left[1];
  const rre = right === null ? dy[(lenxp - 1) * w] : right[0];
  const rim = right === null ? (complex ? dy[(lenxp - 1) * w + 1] : 0) : right[1];
  // Slopes once when there are no more of them than samples (NumPy's rule; same values either way).
  const slopes = lenxp > 1 && lenxp <= lenx ? new Float64Array((lenxp - 1) * w) : null;
  if (slopes !== null) {
    for (let i = 0; i < lenxp - 1; i++) {
      if (complex) {
        const inv = 1.0 / (dx[i + 1] - dx[i]);
        slopes[2 * i] = (dy[2 * i + 2] - dy[2 * i]) * inv;
        slopes[2 * i + 1] = (dy[2 * i + 3] - dy[2 * i + 1]) * inv;
      } else {
        slopes[i] = (dy[i + 1] - dy[i]) / (dx[i + 1] - dx[i]);
      }
    }
  }
  let j = 0;
  for (let b = 0; b < lenx; b += BLOCK) {
    const z = float64Items(flat.index(`${b}:${Math.min(b + BLOCK, lenx)}`), '<f8');
    for (let k = 0; k < z.length; k++) {
      const i = b + k;
      const xv = z[k];
      if (lenxp === 1) {
        const pick = xv < dx[0] ? 0 : xv > dx[0] ? 1 : 2;
        const re = pick === 0 ? lre : pick === 1 ? rre : dy[0];
        if (!complex) res[i] = re;
        else {
          res[2 * i] = re;
          res[2 * i + 1] = pick === 0 ? lim : pick === 1 ? rim : dy[1];
        }
        continue;
      }
      if (Number.isNaN(xv)) {
        if (!complex) res[i] = xv;
        else {
          res[2 * i] = xv;
          res[2 * i + 1] = 0;
        }
        continue;
      }
      j = searchWithGuess(xv, dx, lenxp, j);
      let re: number;
      let im = 0;
      if (j === -1) {
        re = lre;
        im = lim;
      } else if (j === lenxp) {
        re = rre;
        im = rim;
      } else if (j === lenxp - 1 || dx[j] === xv) {
        re = dy[j * w];
        if (complex) im = dy[j * w + 1];
      } else if (!complex) {
        const slope = slopes !== null ? slopes[j] : (dy[j + 1] - dy[j]) / (dx[j + 1] - dx[j]);
        re = slope * (xv - dx[j]) + dy[j];
        if (Number.isNaN(re)) {
          re = slope * (xv - dx[j + 1]) + dy[j + 1];
          if (Number.isNaN(re) && dy[j] === dy[j + 1]) re = dy[j];
        }
      } else {
        let sr: number;
        let si: number;
        if (slopes !== null) {
          sr = slopes[2 * j];
          si = slopes[2 * j + 1];
        } else {
          const inv = 1.0 / (dx[j + 1] - dx[j]);
          sr = (dy[2 * j + 2] - dy[2 * j]) * inv;
          si = (dy[2 * j + 3] - dy[2 * j + 1]) * inv;
        }
        re = sr * (xv - dx[j]) + dy[2 * j];
        if (Number.isNaN(re)) {
          re = sr * (xv - dx[j + 1]) + dy[2 * j + 2];
          if (Number.isNaN(re) && dy[2 * j] === dy[2 * j + 2]) re = dy[2 * j];
        }
        im = si * (xv - dx[j]) + dy[2 * j + 1];
        if (Number.isNaN(im)) {
          im = si * (xv - dx[j + 1]) + dy[2 * j + 3];
          if (Number.isNaN(im) && dy[2 * j + 1] === dy[2 * j + 3]) im = dy[2 * j + 1];
        }
      }
      if (!complex) res[i] = re;
      else {
        res[2 * i] = re;
        res[2 * i + 1] = im;
      }
    }
  }
  return out;
}
