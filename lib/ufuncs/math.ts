/**
 * Float math ufuncs and float classification: `sqrt exp log` (ints and bools
 * compute in the smallest float that holds them: int8 → float16, int16 →
 * float32, wider → float64) and `isnan isfinite isinf signbit` (bool
 * results). Complex `sqrt exp log` are the C library's `csqrt cexp clog`
 * (a native loop), as NumPy's.
 * @module
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { NdArray } from '../ndarray';
import { callUfunc, type AnyLoop, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { ALL, COMPLEX, FLOATS, T } from './types';
import { family } from './family';
import { coreNativeLoop } from './math-native';

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

const FLOAT_TYPES = [...FLOATS, ...COMPLEX];
/**
 * Complex `sqrt exp log` run the native loop (native/ufunc_complex.cc) on
 * every path: the C library's csqrt, cexp and clog, which NumPy calls. So
 * do float32 and float64 `exp` and `log` when `nativeReal` (their only
 * vector loops, native/transcendental.cc, whose bits V8's Math.exp and
 * Math.log do not always give): an array under 64 items, a buffered block
 * and the whole-array walk agree bit for bit. float16 and `sqrt` (correctly
 * rounded everywhere) keep the JS loop.
 */
function floatMath(name: string, real: L1, nativeReal: boolean): UfuncSpec {
  const native = (r: Parameters<UfuncSpec['loop']>[0]): boolean => family(r.inTypes[0]) === 'c' || (nativeReal && r.inTypes[0].itemsize >= 4);
  return { name, nin: 1, types: FLOAT_TYPES, loop: (r) => (native(r) ? coreNativeLoop(name, r) : real) as AnyLoop };
}
export const SQRT_SPEC = floatMath('sqrt', SQRT, false);
export const EXP_SPEC = floatMath('exp', EXP, true);
export const LOG_SPEC = floatMath('log', LOG, true);

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
