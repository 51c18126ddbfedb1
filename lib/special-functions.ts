/**
 * NumPy's `sinc` and `i0` (`numpy/lib/_function_base_impl.py`), built
 * from ufuncs exactly as NumPy builds them, so each step rounds as NumPy's
 * does (float16 and float32 stay in their type; ints compute in float64):
 *
 * - `sinc(x)`: `y = where(πx, πx, eps)` (eps: the float type's machine
 *   epsilon, 1e-20 for complex), then `sin(y) / y`;
 * - `i0(x)`: the modified Bessel function of the first kind, order 0, by
 *   Cephes' Chebyshev series on |x| <= 8 and on |x| > 8 (NumPy's
 *   `_i0_1`, `_i0_2` and `_chbevl`, their coefficients copied); both
 *   series run over the whole array (native passes) and `where` picks, which
 *   gives the values NumPy's `piecewise` gives. Complex refuses.
 * @module
 */
import { asarray } from './array-coerce';
import { NdArray as ArrayClass, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { add, absolute, divide, multiply, subtract } from './ufuncs/arith';
import { lessEqual } from './ufuncs/compare';
import { exp, sqrt } from './ufuncs/math';
import { sin } from './ufuncs/trig';
import { where } from './ufuncs/where';

// Cephes' Chebyshev coefficients (NumPy's _i0A, _i0B), as NumPy holds them.
const I0A: readonly number[] = [-4.4153416464793395e-18, 3.3307945188222384e-17, -2.431279846547955e-16, 1.715391285555133e-15, -1.1685332877993451e-14, 7.676185498604936e-14, -4.856446783111929e-13, 2.95505266312964e-12, -1.726826291441556e-11, 9.675809035373237e-11, -5.189795601635263e-10, 2.6598237246823866e-09, -1.300025009986248e-08, 6.046995022541919e-08, -2.670793853940612e-07, 1.1173875391201037e-06, -4.4167383584587505e-06, 1.6448448070728896e-05, -5.754195010082104e-05, 0.00018850288509584165, -0.0005763755745385824, 0.0016394756169413357, -0.004324309995050576, 0.010546460394594998, -0.02373741480589947, 0.04930528423967071, -0.09490109704804764, 0.17162090152220877, -0.3046826723431984, 0.6767952744094761];
const I0B: readonly number[] = [-7.233180487874754e-18, -4.830504485944182e-18, 4.46562142029676e-17, 3.461222867697461e-17, -2.8276239805165836e-16, -3.425485619677219e-16, 1.7725601330565263e-15, 3.8116806693526224e-15, -9.554846698828307e-15, -4.150569347287222e-14, 1.54008621752141e-14, 3.8527783827421426e-13, 7.180124451383666e-13, -1.7941785315068062e-12, -1.3215811840447713e-11, -3.1499165279632416e-11, 1.1889147107846439e-11, 4.94060238822497e-10, 3.3962320257083865e-09, 2.266668990498178e-08, 2.0489185894690638e-07, 2.8913705208347567e-06, 6.889758346916825e-05, 0.0033691164782556943, 0.8044904110141088];

function arrayOf(x: unknown): NdArray {
  if (x instanceof ArrayClass) {
    requireOpen(x);
    return x;
  }
  return asarray(x);
}

/** machine epsilon of a real float dtype (NumPy's finfo(dtype).eps). */
function epsOf(a: NdArray): number {
  if (a.dtype.kind !== 'f') return 1e-20;
  return a.itemsize === 2 ? 2 ** -10 : a.itemsize === 4 ? 2 ** -23 : 2 ** -52;
}

/** NumPy's `np.sinc(x)`: sin(πx) / (πx), 1 at 0 (the normalized sinc). */
export function sinc(x: NdArray | number | readonly unknown[]): NdArray {
  const px = multiply(Math.PI, arrayOf(x));
  const y = where(px, px, epsOf(px));
  return divide(sin(y), y);
}

/** NumPy's _chbevl: the Chebyshev series `vals` at x, step by step. */
function chbevl(x: NdArray, vals: readonly number[]): NdArray {
  let b0: NdArray | number = vals[0];
  let b1: NdArray | number = 0;
  let b2: NdArray | number = 0;
  for (let i = 1; i < vals.length; i++) {
    b2 = b1;
    b1 = b0;
    b0 = add(subtract(multiply(x, b1), b2), vals[i]);
  }
  return multiply(0.5, subtract(b0 as NdArray, b2));
}

/** NumPy's `np.i0(x)`: the modified Bessel function of the first kind, order 0 (float64 for ints; complex refuses). */
export function i0(x: NdArray | number | readonly unknown[]): NdArray {
  let a = arrayOf(x);
  if (a.dtype.kind === 'c') throw new TypeError('i0 not supported for complex values');
  if (a.dtype.kind !== 'f') a = a.astype('f8');
  a = absolute(a);
  const small = multiply(exp(a), chbevl(subtract(divide(a, 2), 2), I0A));
  const large = divide(multiply(exp(a), chbevl(subtract(divide(32, a), 2), I0B)), sqrt(a));
  return where(lessEqual(a, 8), small, large);
}
