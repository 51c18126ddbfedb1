/**
 * Rounding ufuncs: `rint` (to the nearest integer, ties to even: NumPy's
 * `np.rint`, and `np.round(x)` / `np.around(x)` with `decimals=0`), `floor`,
 * `ceil` and `trunc`, with NumPy 2's loops: `rint` computes in floats (ints
 * and bools in the smallest float that holds them, as `sqrt`; complex rounds
 * each part), while `floor`, `ceil` and `trunc` keep integer and bool inputs
 * as they are, in their own dtype (NumPy ≥ 2.1), and refuse complex. The
 * sign of a zero survives (`rint(-0.4)` is `-0`), NaN and ±inf pass through.
 * `round(a, decimals)` is NumPy's `np.round` / `np.around` (not a ufunc): the
 * steps of NumPy's `PyArray_Round`, so its bits are NumPy's.
 * @module
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { NdArray } from '../ndarray';
import { callUfunc, UFuncTypeError, type AnyLoop, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { COMPLEX, FLOATS, INTS, T } from './types';
import { family } from './family';
import { nativeLoop } from './math-native';
import { divide, multiply } from './arith';
import { OverflowError, ValueError, describeValue, repr } from '../errors';
import { isArray, requireOpen, requireWritable } from '../internal';
import { positionalOptions, readKnownOptions } from '../options';
import { copyto } from '../copyto';
import { asarray } from '../array-coerce';

type X = any;
type L1 = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number) => void;

/** Round half to even (IEEE roundTiesToEven), keeping the sign of a zero result. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  // Negatives by symmetry: -0 stays -0, and x - floor(x) below is exact for x >= 0.
  if (x < 0 || Object.is(x, -0)) return -roundHalfEven(-x);
  const f = Math.floor(x);
  const d = x - f;
  return d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
}

function unary(f: (x: number) => number): L1 {
  return (n, a, ai, as, o, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = f(a[ai]);
  };
}
/** Each part of a complex pair. */
function pairs(f: (x: number) => number): L1 {
  return (n, a, ai, as, o, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, oi += os) {
      o[oi] = f(a[ai]);
      o[oi + 1] = f(a[ai + 1]);
    }
  };
}
/** Integers and bools are already whole: copied as they are. */
const SAME: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai];
};
/** A bool stays a bool (any non-zero byte reads as true, and is stored as 1). */
const TRUTH: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai] !== 0 ? 1 : 0;
};

const RINT = unary(roundHalfEven);
export const RINT_SPEC: UfuncSpec = {
  name: 'rint',
  nin: 1,
  types: [...FLOATS, ...COMPLEX],
  loop: (r) => (family(r.inTypes[0]) === 'c' ? pairs(roundHalfEven) : RINT) as AnyLoop,
};

function wholeKeeping(name: string, f: (x: number) => number): UfuncSpec {
  const real = unary(f);
  return {
    name,
    nin: 1,
    types: [T.b, ...INTS, ...FLOATS],
    loop: (r) => {
      const f = family(r.inTypes[0]);
      return (f === 'f' ? real : f === 'b' ? TRUTH : SAME) as AnyLoop;
    },
  };
}
export const FLOOR_SPEC = wholeKeeping('floor', Math.floor);
export const CEIL_SPEC = wholeKeeping('ceil', Math.ceil);
/** trunc's float loop is the native one (math-ops.ts: modf's integral part), as a block or the whole walk. */
export const TRUNC_SPEC: UfuncSpec = {
  ...wholeKeeping('trunc', Math.trunc),
  loop: (r) => {
    const f = family(r.inTypes[0]);
    return (f === 'f' ? nativeLoop('trunc', r) : f === 'b' ? TRUTH : SAME) as AnyLoop;
  },
};

/** NumPy's `np.rint(x)`: the nearest integer, ties to even (`np.round(x)` with no decimals); ints compute in float. */
export function rint(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(RINT_SPEC, [x], options);
}
/** NumPy's `np.floor(x)`: ints and bools keep their dtype (NumPy 2); complex refuses. */
export function floor(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(FLOOR_SPEC, [x], options);
}
/** NumPy's `np.ceil(x)`: ints and bools keep their dtype (NumPy 2); complex refuses. */
export function ceil(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(CEIL_SPEC, [x], options);
}
/** NumPy's `np.trunc(x)`: toward zero; ints and bools keep their dtype (NumPy 2); complex refuses. */
export function trunc(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(TRUNC_SPEC, [x], options);
}

/**
 * NumPy's `power_of_ten`: exact table entries up to 1e8, then repeated `* 10`
 * (stopping at Infinity, which further products keep: `round(a, 2**31 - 1)`
 * is 309 steps, not two billion).
 */
function powerOfTen(n: number): number {
  if (n < 9) return [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8][n];
  let r = 1e9;
  for (let k = 9; k < n && r !== Infinity; k++) r *= 10;
  return r;
}

/**
 * NumPy's `np.round(a, decimals=0)` (`np.around`), as `PyArray_Round` does it:
 * `decimals` 0 is {@link rint}; otherwise `a * 10**decimals`, rounded half to
 * even, divided back (or divided, rounded, multiplied back for a negative
 * `decimals`), into an array of `a`'s dtype (byte order included), so
 * `round(px, 2)` gives NumPy's bits, not a correctly rounded decimal. Integers
 * come back as a copy for `decimals >= 0`, and for a negative `decimals` are
 * rounded through float64 and cast back (`round(1234, -2)` is 1200); complex
 * rounds each part; bools follow `rint` (NumPy's float16) and refuse other
 * `decimals` with NumPy's UFuncTypeError.
 *
 * With `out` (NumPy's `out=`, as many items as `a`), the steps write into it
 * and it is returned: NumPy's ufunc calls into `out`, under their
 * `same_kind` casting (a float result into an int `out` is the ufunc's
 * UFuncTypeError); an integer `a` with `decimals >= 0` is assigned as it is.
 */
export function round(given: NdArray | UfuncInput | readonly unknown[], decimals?: number | null, out?: NdArray | null): NdArray;
export function round(given: NdArray | UfuncInput | readonly unknown[], decimals?: number | null, options?: RoundOptions): NdArray;
export function round(given: NdArray | UfuncInput | readonly unknown[], options?: RoundOptions): NdArray;
export function round(given: NdArray | UfuncInput | readonly unknown[], ...rest: unknown[]): NdArray {
  // NumPy's positional decimals and out (np.round(a, 2, out)), or the options after decimals.
  const o = readKnownOptions(positionalOptions<RoundOptions>('round', ['decimals', 'out'], rest), ['decimals', 'out'], 'round');
  const decimals = o.decimals ?? 0;
  const a = isArray(given) ? given : asarray(given as never);
  if (!Number.isInteger(decimals)) throw new TypeError(`round(): decimals must be an integer, got ${repr(decimals)}`);
  // NumPy's decimals is a C int.
  if (decimals > 2 ** 31 - 1) throw new OverflowError(`round(): decimals ${decimals} is greater than the maximum of a C int (2147483647)`);
  if (decimals < -(2 ** 31)) throw new OverflowError(`round(): decimals ${decimals} is less than the minimum of a C int (-2147483648)`);
  const into = o.out ?? null;
  if (into !== null) return roundInto(a, decimals, into);
  // NumPy's round of a 0-d array is a scalar, in native byte order (fuzz seeds 3447 3987).
  if (a.ndim === 0 && !a.dtype.isnative) return round(a.astype(a.dtype.newbyteorder('=')), decimals);
  const kind = a.dtype.kind;
  const order = a.flags.fContiguous && !a.flags.cContiguous ? 'F' : 'C';
  // NumPy's result layouts (2.4.6): a complex result and an integer copy keep `a`'s memory
  // order ('K'); float and integer arithmetic gives 'A' (fuzz seed 240).
  if (kind === 'c') {
    const r = a.copy('K');
    r.real.set(round(a.real, decimals));
    r.imag.set(round(a.imag, decimals));
    return r;
  }
  const int = kind === 'i' || kind === 'u';
  if (decimals >= 0 && int) return a.copy('K');
  if (decimals === 0) return rint(a);
  // NumPy multiplies (divides) by the Python float 10.0**decimals into the bool array: its
  // float64 loop's output cast fails (JS's 10 is an int, whose int64 loop would name int64).
  if (kind === 'b') throw new UFuncTypeError(`Cannot cast ufunc '${decimals > 0 ? 'multiply' : 'divide'}' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'`);
  const out = scaledRint(a, decimals, int ? a.astype('<f8', order) : a.copy(order));
  return int ? out.astype(a.dtype, order) : out;
}

/** Options of {@link round}. */
export interface RoundOptions {
  /** The number of decimals (default 0; negative: to the left of the point), as the positional `decimals`. */
  decimals?: number | null;
  /** The array to write the result into (NumPy's `out=`): as many items as `a`, writeable. */
  out?: NdArray | null;
}

/** {@link round} into `out`, as NumPy's `PyArray_Round` with an `out`: every step writes there. */
function roundInto(a: NdArray, decimals: number, out: NdArray): NdArray {
  if (!isArray(out)) throw new TypeError(`round(): out must be an NdArray, got ${describeValue(out)}`);
  requireOpen(out);
  if (out.size !== a.size) throw new ValueError('invalid output shape');
  requireWritable(out, 'output array is read-only');
  const kind = a.dtype.kind;
  if (kind === 'c') {
    // NumPy sets out.real, then out.imag: checked first here, so nothing is written.
    if (out.dtype.kind !== 'c') throw new TypeError('array does not have imaginary part to set');
    const re = round(a.real, decimals);
    const im = round(a.imag, decimals);
    out.real.set(re);
    out.imag.set(im);
    return out;
  }
  if (decimals >= 0 && (kind === 'i' || kind === 'u')) {
    copyto(out, a, { casting: 'same_kind' });
    return out;
  }
  if (decimals === 0) return rint(a, { out });
  return scaledRint(a, decimals, out);
}

/** NumPy's steps for `decimals` other than 0, each into `out`: `a * 10**decimals` (or divided), rint, scaled back. */
function scaledRint(a: NdArray, decimals: number, out: NdArray): NdArray {
  const f = powerOfTen(Math.abs(decimals));
  const [first, second] = decimals > 0 ? [multiply, divide] : [divide, multiply];
  first(a, f, { out });
  rint(out, { out });
  second(out, f, { out });
  return out;
}

/** NumPy's `np.around`: the same as {@link round} (its arguments too: `around(a, 2, out)`, `around(a, { decimals: 2 })`). */
export function around(a: NdArray | UfuncInput | readonly unknown[], decimals?: number | null, out?: NdArray | null): NdArray;
export function around(a: NdArray | UfuncInput | readonly unknown[], decimals?: number | null, options?: RoundOptions): NdArray;
export function around(a: NdArray | UfuncInput | readonly unknown[], options?: RoundOptions): NdArray;
export function around(a: NdArray | UfuncInput | readonly unknown[], ...rest: unknown[]): NdArray {
  return (round as (a: unknown, ...r: unknown[]) => NdArray)(a, ...rest);
}
