/**
 * NumPy's window functions (`numpy/lib/_function_base_impl.py`):
 * `bartlett`, `blackman`, `hamming`, `hanning` and `kaiser`, each built from
 * the library's ufuncs in NumPy's evaluation order, so every step rounds as
 * NumPy's does:
 *
 * - `M` becomes a float64 first (NumPy's `np.array([0.0, M])[1]`): the
 *   result is float64, a non-integer `M` samples `arange(1 - M, M, 2)` (or
 *   `arange(0, M)` for `kaiser`), which has `ceil(M)` points;
 * - `M < 1` gives an empty array, `M == 1` gives `[1.0]` (`kaiser` has no
 *   `M < 1` branch: its `arange(0, M)` is empty there);
 * - `bartlett`: `where(n <= 0, 1 + n / (M - 1), 1 - n / (M - 1))`;
 * - `blackman`: `0.42 + 0.5 * cos(pi * n / (M - 1)) + 0.08 * cos(2.0 * pi * n / (M - 1))`;
 * - `hamming`: `0.54 + 0.46 * cos(pi * n / (M - 1))`;
 * - `hanning`: `0.5 + 0.5 * cos(pi * n / (M - 1))`;
 * - `kaiser`: `i0(beta * sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / i0(beta)`
 *   with `alpha = (M - 1) / 2.0` (`** 2.0` is NumPy's `square` fast path).
 *
 * `bartlett` is NumPy's to the bit; so are the cosine windows where NumPy's
 * float64 `cos` is the C library's (its baseline loop; ours is always that,
 * lib/ufuncs/trig.ts); `kaiser` is within a few ulp, as `i0`'s `exp` is the
 * C library's and NumPy's own exp loop may round the last bit differently.
 * @module
 */
import { arange, ones, zeros } from './create';
import { repr } from './errors';
import { NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';
import { i0 } from './special-functions';
import { add, divide, multiply, square, subtract } from './ufuncs/arith';
import { lessEqual } from './ufuncs/compare';
import { sqrt } from './ufuncs/math';
import { cos } from './ufuncs/trig';
import { where } from './ufuncs/where';

/** A window's `M` or `beta`: a number, bigint, boolean or a 0-d real array (its value). */
export type WindowSize = number | bigint | boolean | NdArray;

/** `M` as NumPy's float64 (`np.array([0.0, M])[1]`); a wrong kind is a TypeError naming the function. */
function floatOf(v: unknown, what: string, fn: string): number {
  if (v instanceof ArrayClass && v.ndim === 0 && 'biuf'.includes(v.dtype.kind)) v = v.get();
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new TypeError(`${fn}: ${what} must be a real number, bigint, boolean or 0-d real array, got ${repr(v)}`);
}

/** The shared start of bartlett/blackman/hamming/hanning: the empty and one-point windows, else `n = arange(1 - M, M, 2)`. */
function symmetric(M: unknown, fn: string, body: (n: NdArray, m1: number) => NdArray): NdArray {
  const m = floatOf(M, 'M', fn);
  if (m < 1) return zeros([0], 'f8');
  if (m === 1) return ones([1], 'f8');
  return body(arange(1 - m, m, 2, 'f8'), m - 1);
}

/**
 * NumPy's `np.bartlett(M)`: the triangular window of `M` points, float64.
 *
 * @example
 * bartlett(5).toArray(); // [0, 0.5, 1, 0.5, 0]
 * @throws TypeError when `M` is not a real number
 */
export function bartlett(M: WindowSize): NdArray<number> {
  return symmetric(M, 'bartlett', (n, m1) => where(lessEqual(n, 0), add(1, divide(n, m1)), subtract(1, divide(n, m1)))) as NdArray<number>;
}

/**
 * NumPy's `np.blackman(M)`: the Blackman window of `M` points, float64.
 *
 * @example
 * blackman(3).toArray(); // [-1.3877787807814457e-17, 1, -1.3877787807814457e-17]
 * @throws TypeError when `M` is not a real number
 */
export function blackman(M: WindowSize): NdArray<number> {
  return symmetric(M, 'blackman', (n, m1) =>
    add(add(0.42, multiply(0.5, cos(divide(multiply(Math.PI, n), m1)))), multiply(0.08, cos(divide(multiply(2.0 * Math.PI, n), m1)))),
  ) as NdArray<number>;
}

/**
 * NumPy's `np.hamming(M)`: the Hamming window of `M` points, float64.
 *
 * @example
 * hamming(5).toArray(); // [0.08, 0.54, 1, 0.54, 0.08] (to rounding)
 * @throws TypeError when `M` is not a real number
 */
export function hamming(M: WindowSize): NdArray<number> {
  return symmetric(M, 'hamming', (n, m1) => add(0.54, multiply(0.46, cos(divide(multiply(Math.PI, n), m1))))) as NdArray<number>;
}

/**
 * NumPy's `np.hanning(M)`: the Hann window of `M` points, float64.
 *
 * @example
 * hanning(5).toArray(); // [0, 0.5, 1, 0.5, 0] (to rounding)
 * @throws TypeError when `M` is not a real number
 */
export function hanning(M: WindowSize): NdArray<number> {
  return symmetric(M, 'hanning', (n, m1) => add(0.5, multiply(0.5, cos(divide(multiply(Math.PI, n), m1))))) as NdArray<number>;
}

/**
 * NumPy's `np.kaiser(M, beta)`: the Kaiser window of `M` points with shape
 * parameter `beta`, float64 (`beta = 0` is rectangular, larger narrows it).
 *
 * @example
 * kaiser(4, 5).toArray(); // [0.03671089, 0.77532210, 0.77532210, 0.03671089] (to rounding)
 * @throws TypeError when `M` or `beta` is not a real number
 */
export function kaiser(M: WindowSize, beta: WindowSize): NdArray<number> {
  const m = floatOf(M, 'M', 'kaiser');
  const b = floatOf(beta, 'beta', 'kaiser');
  if (m === 1) return ones([1], 'f8') as NdArray<number>;
  const n = arange(0, m, 1, 'f8');
  const alpha = (m - 1) / 2.0;
  const inner = sqrt(subtract(1, square(divide(subtract(n, alpha), alpha))));
  return divide(i0(multiply(b, inner)), i0(b)) as NdArray<number>;
}
