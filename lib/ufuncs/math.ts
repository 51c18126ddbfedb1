/**
 * Float math ufuncs and float classification: `sqrt exp log` (ints and bools
 * compute in the smallest float that holds them: int8 → float16, int16 →
 * float32, wider → float64) and `isnan isfinite isinf signbit` (bool
 * results). Complex `sqrt exp log` follow C99's `csqrt cexp clog`, special
 * values included.
 * @module
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { NdArray } from '../ndarray';
import { callUfunc, type AnyLoop, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { ALL, COMPLEX, FLOATS, T } from './types';
import { family } from './family';

type X = any;
type L1 = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number) => void;

const SQRT: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = Math.sqrt(a[ai]);
};
const EXP: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = Math.exp(a[ai]);
};
const LOG: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = Math.log(a[ai]);
};

const copysign = (x: number, s: number): number => (s < 0 || Object.is(s, -0) ? -Math.abs(x) : Math.abs(x));

// glibc's hypot (2.35+, no FMA), the |z| its csqrt and clog take: sqrt of the
// rounded sum of squares, then one correction step (Borges, "An Improved
// Algorithm for hypot(a, b)"), inputs scaled by 2**-600 past 2**511 and by
// 2**600 under 2**-511. V8's Math.hypot is another algorithm, off in the last
// bit for a third of random inputs (hypot(-2.5, 0.5)); this one equals glibc's
// on 200000 random pairs over the whole exponent range.
const HYPOT_SCALE = 2 ** -600;
const HYPOT_LARGE = 2 ** 511;
const HYPOT_TINY = 2 ** -511;
const HYPOT_EPS = 2 ** -54;
function hypotKernel(ax: number, ay: number): number {
  const h = Math.sqrt(ax * ax + ay * ay);
  let t1: number;
  let t2: number;
  if (h <= 2 * ay) {
    const delta = h - ay;
    t1 = ax * (2 * delta - ax);
    t2 = (delta - 2 * (ax - ay)) * delta;
  } else {
    const delta = h - ax;
    t1 = 2 * delta * (ax - 2 * ay);
    t2 = (4 * delta - ay) * ay + delta * delta;
  }
  return h - (t1 + t2) / (2 * h);
}
/** hypot(x, y) as glibc's double hypot; `single` as its hypotf (the float squares summed in double, one rounding). */
export function hypot(x: number, y: number, single = false): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return Math.abs(x) === Infinity || Math.abs(y) === Infinity ? Infinity : x + y;
  x = Math.abs(x);
  y = Math.abs(y);
  if (single) return Math.fround(Math.sqrt(x * x + y * y));
  const ax = x < y ? y : x;
  const ay = x < y ? x : y;
  if (ax > HYPOT_LARGE) return ay <= ax * HYPOT_EPS ? ax + ay : hypotKernel(ax * HYPOT_SCALE, ay * HYPOT_SCALE) / HYPOT_SCALE;
  if (ay < HYPOT_TINY) return ax >= ay / HYPOT_EPS ? ax + ay : hypotKernel(ax / HYPOT_SCALE, ay / HYPOT_SCALE) * HYPOT_SCALE;
  return ay <= ax * HYPOT_EPS ? ax + ay : hypotKernel(ax, ay);
}

/**
 * C99 csqrt as glibc computes it (NumPy's npy_csqrt calls the C library's):
 * parts past MAX/4 are scaled by 2**-2 and both parts under 2·MIN by
 * 2**(MANT_DIG+1) (rounded to even halves), so huge inputs do not overflow
 * in the hypot sum and subnormal ones keep their bits; then the half-angle
 * identity 2·Re·Im = Im z avoids cancellation. `single` takes csqrtf's float
 * limits and rounds every step to float32 (complex64).
 */
export function csqrt(re: number, im: number, single = false): [number, number] {
  const F = single ? Math.fround : (v: number): number => v;
  const MAX = single ? 3.4028234663852886e38 : Number.MAX_VALUE;
  const MIN = single ? 1.1754943508222875e-38 : DBL_MIN;
  const MANT = single ? 24 : 53;
  if (!Number.isFinite(re) || !Number.isFinite(im)) {
    if (im === Infinity || im === -Infinity) return [Infinity, im];
    if (re === -Infinity) return [im !== im ? NaN : 0, copysign(Infinity, im)];
    if (re === Infinity) return [re, im !== im ? NaN : copysign(0, im)];
    return [NaN, NaN];
  }
  if (im === 0) {
    if (re < 0) return [0, copysign(F(Math.sqrt(-re)), im)];
    return [Math.abs(F(Math.sqrt(re))), copysign(0, im)];
  }
  if (re === 0) {
    const r = Math.abs(im) >= 2 * MIN ? F(Math.sqrt(F(0.5 * Math.abs(im)))) : F(0.5 * F(Math.sqrt(2 * Math.abs(im))));
    return [r, copysign(r, im)];
  }
  let x = re;
  let y = im;
  let scale = 0;
  if (Math.abs(x) > MAX / 4) {
    scale = 1;
    x /= 4;
    y /= 4;
  }
  if (Math.abs(y) > MAX / 4) {
    scale = 1;
    x = Math.abs(x) >= 4 * MIN ? x / 4 : 0;
    y /= 4;
  } else if (Math.abs(x) < 2 * MIN && Math.abs(y) < 2 * MIN) {
    scale = -((MANT + 1) >> 1);
    x *= 2 ** (-2 * scale);
    y *= 2 ** (-2 * scale);
  }
  const d = hypot(x, y, single);
  let r: number;
  let s: number;
  if (x > 0) {
    r = F(Math.sqrt(F(0.5 * F(d + x))));
    if (scale === 1 && Math.abs(y) < 1) {
      s = F(y / r);
      r = F(r * 2 ** scale);
      scale = 0;
    } else s = F(0.5 * F(y / r));
  } else {
    s = F(Math.sqrt(F(0.5 * F(d - x))));
    if (scale === 1 && Math.abs(y) < 1) {
      r = Math.abs(F(y / s));
      s = F(s * 2 ** scale);
      scale = 0;
    } else r = Math.abs(F(0.5 * F(y / s)));
  }
  if (scale !== 0) {
    r = F(r * 2 ** scale);
    s = F(s * 2 ** scale);
  }
  return [r, copysign(s, im)];
}

/**
 * C99 cexp as glibc computes it (NumPy's npy_cexp calls the C library's):
 * a real part past (MAX_EXP - 1)·ln 2 is scaled down by that much once or
 * twice, so exp(710 + 1j) is finite and exp(710 + 0j) has a zero, not NaN,
 * imaginary part; `single` takes float's limits (cexpf, for complex64).
 */
export function cexp(r: number, i: number, single = false): [number, number] {
  if (Number.isFinite(r)) {
    if (!Number.isFinite(i)) return [NaN, NaN];
    const t = single ? 88.02969193111305 : 709.0895657128241;
    // cexpf computes in float: every step rounds to float32.
    const F = single ? Math.fround : (v: number): number => v;
    let sin = i;
    let cos = 1;
    if (Math.abs(i) > (single ? 1.1754943508222875e-38 : 2.2250738585072014e-308)) {
      sin = F(Math.sin(i));
      cos = F(Math.cos(i));
    }
    let x = r;
    if (x > t) {
      const e = F(Math.exp(t));
      x = F(x - t);
      sin = F(sin * e);
      cos = F(cos * e);
      if (x > t) {
        x = F(x - t);
        sin = F(sin * e);
        cos = F(cos * e);
      }
    }
    if (x > t) {
      // Past 3t: overflow whatever the angle (a zero sine stays zero).
      const max = single ? 3.4028234663852886e38 : Number.MAX_VALUE;
      return [max * cos, max * sin];
    }
    const e = F(Math.exp(x));
    return [F(e * cos), F(e * sin)];
  }
  if (r !== r) return [r, i === 0 ? i : NaN];
  if (r > 0) {
    if (i === 0) return [r, i];
    if (Number.isFinite(i)) return [copysign(Infinity, Math.cos(i)), copysign(Infinity, Math.sin(i))];
    return [r, NaN];
  }
  if (i === 0) return [0, i];
  if (Number.isFinite(i)) return [copysign(0, Math.cos(i)), copysign(0, Math.sin(i))];
  return [0, i !== i ? 0 : copysign(0, i)];
}

const DBL_MIN = 2.2250738585072014e-308;
const EPS = 2 ** -52;
/** Splits a double for Dekker's exact product. */
const SPLIT = 134217729; // 2^27 + 1
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  const ca = SPLIT * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLIT * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}
const byMagnitude = (x: number, y: number): number => Math.abs(x) - Math.abs(y);
/** x² + y² - 1 with one rounding at the end (glibc's __x2y2m1: exact products, sorted two-sums). */
function x2y2m1(x: number, y: number): number {
  const [xh, xl] = twoProd(x, x);
  const [yh, yl] = twoProd(y, y);
  const v = [xl, xh, yl, yh, -1].sort(byMagnitude);
  for (let i = 0; i <= 3; i++) {
    const hi = v[i + 1] + v[i];
    const lo = v[i + 1] - hi + v[i];
    v[i + 1] = hi;
    v[i] = lo;
    const rest = v.slice(i + 1).sort(byMagnitude);
    for (let k = 0; k < rest.length; k++) v[i + 1 + k] = rest[k];
  }
  return v[4] + v[3] + v[2] + v[1] + v[0];
}

/**
 * C99 clog as glibc computes it (NumPy's npy_clog calls the C library's):
 * log|z| through log1p(x² + y² - 1)/2 when |z| is near 1, scaled when |z|
 * overflows or both parts are subnormal; arg z from atan2; NaN parts as C99
 * Annex G.
 */
export function clog(r: number, i: number, single = false): [number, number] {
  // clogf computes in float (its x²+y²-1 in double), every step rounding to float32.
  const F = single ? Math.fround : (v: number): number => v;
  const im = F(Math.atan2(i, r));
  let x = Math.abs(r);
  let y = Math.abs(i);
  if (x !== x || y !== y) return [x === Infinity || y === Infinity ? Infinity : NaN, NaN];
  if (x === 0 && y === 0) return [-Infinity, im];
  if (x === Infinity || y === Infinity) return [Infinity, im];
  if (x < y) [x, y] = [y, x];
  const min = single ? 1.1754943508222875e-38 : DBL_MIN;
  let scale = 0;
  if (x > (single ? 3.4028234663852886e38 : Number.MAX_VALUE) / 2) {
    scale = -1;
    x /= 2;
    y = y >= min * 2 ? y / 2 : 0;
  } else if (x < min && y < min) {
    scale = single ? 24 : 53;
    x *= 2 ** scale;
    y *= 2 ** scale;
  }
  let re: number;
  const eps = single ? 2 ** -23 : EPS;
  if (x === 1 && scale === 0) re = F(F(Math.log1p(F(y * y))) / 2);
  else if (x > 1 && x < 2 && y < 1 && scale === 0) {
    let d2m1 = F(F(x - 1) * F(x + 1));
    if (y >= eps) d2m1 = F(d2m1 + F(y * y));
    re = F(F(Math.log1p(d2m1)) / 2);
  } else if (x < 1 && x >= 0.5 && y < eps / 2 && scale === 0) re = F(F(Math.log1p(F(F(x - 1) * F(x + 1)))) / 2);
  else if (x < 1 && x >= 0.5 && scale === 0 && F(F(x * x) + F(y * y)) >= 0.5) re = F(F(Math.log1p(single ? F((x - 1) * (x + 1) + y * y) : x2y2m1(x, y))) / 2);
  else re = F(F(Math.log(hypot(x, y, single))) - F(scale * Math.LN2));
  return [re, im];
}

function complexUnary(f: (r: number, i: number) => [number, number]): L1 {
  return (n, a, ai, as, o, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, oi += os) {
      const [re, im] = f(a[ai], a[ai + 1]);
      o[oi] = re;
      o[oi + 1] = im;
    }
  };
}
const CSQRT = complexUnary((r, i) => csqrt(r, i));
const CSQRT_S = complexUnary((r, i) => csqrt(r, i, true));
const CEXP = complexUnary((r, i) => cexp(r, i));
const CEXP_S = complexUnary((r, i) => cexp(r, i, true));
const CLOG = complexUnary((r, i) => clog(r, i));
const CLOG_S = complexUnary((r, i) => clog(r, i, true));

const FLOAT_TYPES = [...FLOATS, ...COMPLEX];
function floatMath(name: string, real: L1, cplx: L1, cplxSingle = cplx): UfuncSpec {
  return { name, nin: 1, types: FLOAT_TYPES, loop: (r) => (family(r.inTypes[0]) === 'c' ? (r.inTypes[0].itemsize === 8 ? cplxSingle : cplx) : real) as AnyLoop };
}
export const SQRT_SPEC = floatMath('sqrt', SQRT, CSQRT, CSQRT_S);
export const EXP_SPEC = floatMath('exp', EXP, CEXP, CEXP_S);
export const LOG_SPEC = floatMath('log', LOG, CLOG, CLOG_S);

// ------------------------------------------------------------------ classification

const ISNAN: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) {
    const x = a[ai];
    o[oi] = x !== x ? 1 : 0;
  }
};
const ISINF: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) {
    const x = a[ai];
    o[oi] = x === Infinity || x === -Infinity ? 1 : 0;
  }
};
const ISFINITE: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai] - a[ai] === 0 ? 1 : 0;
};
function constant(v: number): L1 {
  return (n, _a, _ai, _as, o, oi, os) => {
    for (let k = 0; k < n; k++, oi += os) o[oi] = v;
  };
}
function complexClass(f: (r: number, i: number) => boolean): L1 {
  return (n, a, ai, as, o, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = f(a[ai], a[ai + 1]) ? 1 : 0;
  };
}

function classify(name: string, real: L1, big: L1, cplx: L1): UfuncSpec {
  return {
    name,
    nin: 1,
    types: ALL,
    outType: () => T.b,
    loop: (r) => {
      const f = family(r.inTypes[0]);
      return (f === 'c' ? cplx : f === 'I' ? big : real) as AnyLoop;
    },
  };
}
export const ISNAN_SPEC = classify('isnan', ISNAN, constant(0), complexClass((r, i) => r !== r || i !== i));
export const ISINF_SPEC = classify('isinf', ISINF, constant(0), complexClass((r, i) => Math.abs(r) === Infinity || Math.abs(i) === Infinity));
export const ISFINITE_SPEC = classify('isfinite', ISFINITE, constant(1), complexClass((r, i) => Number.isFinite(r) && Number.isFinite(i)));

// The sign of a NaN is only visible in its bits: look through a scratch float64 (NaN bits survive typed-array moves).
const signScratch = new Float64Array(1);
const signBits = new Uint8Array(signScratch.buffer);
const SIGN_BYTE = new Uint8Array(new Float64Array([-0]).buffer).findIndex((b) => b !== 0);
const SIGNBIT: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) {
    signScratch[0] = a[ai];
    o[oi] = signBits[SIGN_BYTE] >>> 7;
  }
};
export const SIGNBIT_SPEC: UfuncSpec = { name: 'signbit', nin: 1, types: FLOATS, outType: () => T.b, loop: () => SIGNBIT as AnyLoop };

// ------------------------------------------------------------------ public functions

/** NumPy's `np.sqrt(x)`. */
export function sqrt(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(SQRT_SPEC, [x], options);
}
/** NumPy's `np.exp(x)`. */
export function exp(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(EXP_SPEC, [x], options);
}
/** NumPy's `np.log(x)` (natural logarithm). */
export function log(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LOG_SPEC, [x], options);
}
/** NumPy's `np.isnan(x)`: a bool array (false for ints and bools). */
export function isnan(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ISNAN_SPEC, [x], options);
}
/** NumPy's `np.isinf(x)`. */
export function isinf(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ISINF_SPEC, [x], options);
}
/** NumPy's `np.isfinite(x)`. */
export function isfinite(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ISFINITE_SPEC, [x], options);
}
/** NumPy's `np.signbit(x)`: the sign bit of floats (-0 and negative NaNs included); complex refuses. */
export function signbit(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(SIGNBIT_SPEC, [x], options);
}
