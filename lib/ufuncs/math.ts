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

/** C99 csqrt (FreeBSD's, as npymath uses). */
function csqrt(a: number, b: number): [number, number] {
  if (a === 0 && b === 0) return [0, b];
  if (b === Infinity || b === -Infinity) return [Infinity, b];
  if (a !== a) return [a, NaN];
  if (a === Infinity) return [a, copysign(b !== b ? NaN : 0, b)];
  if (a === -Infinity) return [b !== b ? NaN : 0, copysign(Infinity, b)];
  const h = Math.hypot(a, b);
  if (a >= 0) {
    const t = Math.sqrt((a + h) * 0.5);
    return [t, b / (2 * t)];
  }
  const t = Math.sqrt((-a + h) * 0.5);
  return [Math.abs(b) / (2 * t), copysign(t, b)];
}

/** C99 cexp, special values as npymath's npy_cexp. */
export function cexp(r: number, i: number): [number, number] {
  if (Number.isFinite(r)) {
    if (!Number.isFinite(i)) return [NaN, NaN];
    const x = Math.exp(r);
    return [x * Math.cos(i), x * Math.sin(i)];
  }
  if (r !== r) return i === 0 ? [r, i] : [r, NaN];
  if (r > 0) {
    if (i === 0) return [r, i];
    if (Number.isFinite(i)) return [r * Math.cos(i), r * Math.sin(i)];
    return [r, NaN];
  }
  if (Number.isFinite(i)) return [0 * Math.cos(i), 0 * Math.sin(i)];
  return [0, 0];
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
const CSQRT = complexUnary(csqrt);
const CEXP = complexUnary(cexp);
const CLOG = complexUnary((r, i) => [Math.log(Math.hypot(r, i)), Math.atan2(i, r)]);

const FLOAT_TYPES = [...FLOATS, ...COMPLEX];
function floatMath(name: string, real: L1, cplx: L1): UfuncSpec {
  return { name, nin: 1, types: FLOAT_TYPES, loop: (r) => (family(r.inTypes[0]) === 'c' ? cplx : real) as AnyLoop };
}
export const SQRT_SPEC = floatMath('sqrt', SQRT, CSQRT);
export const EXP_SPEC = floatMath('exp', EXP, CEXP);
export const LOG_SPEC = floatMath('log', LOG, CLOG);

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
