/**
 * NumPy's `np.copyto(dst, src, casting='same_kind', where=True)`: copies
 * `src` (an array or a JS scalar, broadcast to `dst`) into `dst` where the
 * mask is true, in place.
 *
 * The phases: `dst` must be writeable; `src` must cast to `dst`'s dtype
 * under `casting` (NumPy's message; a JS number or bigint is a weak
 * Python scalar: an integer into any int or float dst, a float into any
 * float dst pass 'safe' and 'same_kind'; 'no' also needs a native dst,
 * 'equiv' the scalar's default dtype); `src` and `where` must broadcast to `dst`'s shape
 * (never the other way). Then an array `src` casts as `astype` casts
 * (NumPy's conversions) and lands through `dst[...] = src` or, with a mask,
 * through one masked pass of the ufunc machinery over a cast copy (so an
 * overlapping `src` is read before any write); a scalar converts once to
 * `dst`'s type (a Python int out of an int dst's range is NumPy's
 * OverflowError) and is stored by the masked pass. All native for numeric dtypes.
 * Records and bytes are copied without a mask only.
 * @module
 */
import { assign } from './assign';
import { array, asarray } from './array-coerce';
import { broadcastShape, tupleNoSpace } from './broadcast';
import type { DType } from './dtype';
import { OverflowError, ValueError } from './errors';
import { inspect } from 'util';
import { NdArray as ArrayClass, allocate, requireArray, requireOpen, requireWritable } from './internal';
import { putmask } from './fancy';
import { broadcastTo } from './views';
import type { NdArray } from './ndarray';
import { positionalOptions, readKnownOptions } from './options';
import { canCast, isNumeric, weakKind, type Casting, type PyScalar } from './promote';
import { callUfunc, intRange, type AnyLoop, type UfuncSpec } from './ufunc';
import { family } from './ufuncs/family';
import { ALL, T } from './ufuncs/types';

/* eslint-disable @typescript-eslint/no-explicit-any */
type X = any;
const COPY = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai];
};
const COPY_B = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai] !== 0 ? 1 : 0;
};
const COPY_C = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) {
    o[oi] = a[ai];
    o[oi + 1] = a[ai + 1];
  }
};

/** The identity in `dst`'s type: the native loop is `positive`'s (a copy), bools copy their truth in JS. */
const COPY_SPEC: UfuncSpec = {
  name: 'copyto',
  kernel: 'positive',
  nin: 1,
  types: ALL,
  loop: (r) => {
    const f = family(r.inTypes[0]);
    return (f === 'b' ? COPY_B : f === 'c' ? COPY_C : COPY) as AnyLoop;
  },
};

/** The options of {@link copyto}. */
export interface CopytoOptions {
  /** How `src` may cast to `dst`'s dtype (default `'same_kind'`). */
  casting?: Casting;
  /**
   * A mask broadcast to `dst`: only where it is true is `dst` written (default: everywhere).
   * An array must be bool (NumPy's safe cast to bool); a list or number converts to bool (1.5 is true).
   */
  where?: NdArray | boolean | number | readonly unknown[] | null;
}

const CASTINGS: readonly string[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

function fmt(d: DType): string {
  // Records, void and bytes as NumPy's repr of them (dtype([('a', '>i4')]), dtype('S3')).
  if (!isNumeric(d)) return inspect(d);
  return `dtype('${d.isnative || d.byteorder === '|' ? d.name : d.str}')`;
}

/**
 * NumPy 2's cast check of a Python scalar `x` into `to` under `casting`: null when it passes,
 * else the TypeError's message.
 *
 * A weak int/float/complex takes a dtype first: `to`'s own in native byte order when its kind
 * reaches the scalar's (so casting 'no' into a non-native `to` fails: "from dtype('float64') to
 * dtype('>f8')"); a complex into a float `to` the complex of its precision (complex64 for float16
 * and float32); anything else the scalar's default dtype (int64, float64, complex128). Under
 * 'equiv' only the default dtype will do ("cannot cast Python int to uint8": NumPy 2.4 lets
 * copyto(uint8, 3, casting='no') pass yet refuses 'equiv', test_copyto_cast_safety). An
 * integer-valued JS number may be NumPy's `3` or `3.`: either default dtype passes 'equiv'.
 * Then the taken dtype must cast to `to` under `casting`. A bool casts as NumPy's bool.
 */
function scalarCastError(x: PyScalar, to: DType, casting: Casting): string | null {
  const kind = typeof x === 'boolean' ? 'b' : weakKind(x);
  const order = 'biufc';
  const dflt = kind === 'c' ? T.c16 : kind === 'f' ? T.f8 : kind === 'b' ? T.b : T.i8;
  const refused = (from: DType): string => `Cannot cast scalar from ${fmt(from)} to ${fmt(to)} according to the rule '${casting}'`;
  if (kind === null || kind === 'b' || to.kind === 'b' || !'iufc'.includes(to.kind)) return canCast(dflt, to, casting) ? null : refused(dflt);
  const reaches = order.indexOf(to.kind) >= order.indexOf(kind);
  const native = to.isnative ? to : to.newbyteorder('=');
  const taken = reaches ? native : kind === 'c' && to.kind === 'f' ? (to.itemsize === 8 ? T.c16 : T.c8) : dflt;
  if (casting === 'equiv') {
    const isDefault = canCast(dflt, taken, 'equiv') || (kind === 'i' && typeof x === 'number' && canCast(T.f8, taken, 'equiv'));
    if (!isDefault) return `cannot cast Python ${kind === 'i' ? 'int' : kind === 'f' ? 'float' : 'complex'} to ${taken.name} under the casting rule 'equiv'`;
  }
  // The int converts to the taken integer dtype before the cast is checked:
  // out of its range is NumPy's OverflowError under any casting, 'no' into a
  // non-native dst too (fuzz seed 9282949).
  if (kind === 'i' && (taken.kind === 'i' || taken.kind === 'u')) {
    const v = BigInt(x as number | bigint);
    const [lo, hi] = intRange(taken);
    if (v < lo || v > hi) throw new OverflowError(`Python integer ${v} out of bounds for ${taken.name}`);
  }
  return canCast(taken, to, casting) ? null : refused(taken);
}

/**
 * NumPy's `np.copyto(dst, src)`: writes `src` (broadcast) into `dst` in
 * place, where `where` is true, casting under `casting`.
 */
export function copyto(dst: NdArray, src: unknown, casting?: Casting | CopytoOptions | null, where?: CopytoOptions['where'] | CopytoOptions, options?: CopytoOptions): void;
export function copyto(dst: NdArray, src: unknown, options?: CopytoOptions): void;
export function copyto(dst: NdArray, src: unknown, ...rest: unknown[]): void {
  // NumPy's positional casting and where (copyto(dst, src, 'unsafe', mask)), or the options.
  const o = readKnownOptions(positionalOptions<CopytoOptions>('copyto', ['casting', 'where'], rest), ['casting', 'where'], 'copyto');
  requireArray(dst, 'copyto', 'dst');
  requireOpen(dst);
  const casting = (o.casting ?? 'same_kind') as Casting;
  if (typeof casting !== 'string' || !CASTINGS.includes(casting)) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got ${String(casting)})`);
  // NumPy converts where with PyArray_FromAny(where, bool): an array must cast to bool safely (an
  // int or float mask is its TypeError), a list or number converts as np.array(x, dtype=bool)
  // does (1.5 is true). null, like undefined, is the default (everywhere), not NumPy's None (False).
  let where: NdArray | boolean = true;
  const w: unknown = o.where ?? true;
  if (w instanceof ArrayClass) {
    requireOpen(w);
    if (!canCast(w.dtype, '|b1', 'safe')) throw new TypeError(`Cannot cast array data from ${fmt(w.dtype)} to dtype('bool') according to the rule 'safe'`);
    where = w;
  } else if (typeof w === 'boolean') {
    where = w;
  } else if (typeof w === 'number' || typeof w === 'bigint') {
    where = Number(w) !== 0;
  } else if (Array.isArray(w)) {
    where = asarray(w).astype('|b1');
  } else {
    throw new TypeError('copyto(): where must be an NdArray, a list, a number or a boolean');
  }
  const scalar = typeof src === 'number' || typeof src === 'bigint' || typeof src === 'boolean' || (typeof src === 'object' && src !== null && !(src instanceof ArrayClass) && !Array.isArray(src) && 're' in src);
  const s: NdArray | PyScalar = scalar ? (src as PyScalar) : src instanceof ArrayClass ? src : asarray(src);
  if (s instanceof ArrayClass) requireOpen(s);
  requireWritable(dst);
  // The cast, then the shapes: NumPy's order of checks.
  if (s instanceof ArrayClass) {
    if (!canCast(s.dtype, dst.dtype, casting)) throw new TypeError(`Cannot cast array data from ${fmt(s.dtype)} to ${fmt(dst.dtype)} according to the rule '${casting}'`);
  } else {
    const refused = scalarCastError(s, dst.dtype, casting);
    if (refused !== null) throw new TypeError(refused);
  }
  const into = (shape: readonly number[], what: string): void => {
    let ok = shape.length <= dst.ndim || shape.slice(0, shape.length - dst.ndim).every((n) => n === 1);
    if (ok) {
      try {
        const b = broadcastShape([shape, dst.shape]);
        ok = b.length === dst.ndim ? b.every((n, i) => n === dst.shape[i]) : b.slice(b.length - dst.ndim).every((n, i) => n === dst.shape[i]);
      } catch {
        ok = false;
      }
    }
    if (!ok) throw new ValueError(`could not broadcast ${what} from shape ${tupleNoSpace(shape)} into shape ${tupleNoSpace(dst.shape)}`);
  };
  if (s instanceof ArrayClass) into(s.shape, 'input array');
  if (where instanceof ArrayClass) into(where.shape, 'where mask');
  if (where === false) return;
  // Leading length-1 axes of src beyond dst's are dropped (NumPy broadcasts src to dst's shape).
  const srcIn = s instanceof ArrayClass && s.ndim > dst.ndim ? s.reshape(s.shape.slice(s.ndim - dst.ndim)) : s;
  const mask = where instanceof ArrayClass && where.ndim > dst.ndim ? where.reshape(where.shape.slice(where.ndim - dst.ndim)) : where;
  if (!isNumeric(dst.dtype) || (srcIn instanceof ArrayClass && !isNumeric(srcIn.dtype))) {
    // A scalar into records is np.asarray(scalar) first (an int is int64, or
    // uint64 past it), then cast as the casting allowed: 10**10 into a >i4
    // field wraps under 'unsafe' (fuzz seed 9276945).
    const from = srcIn instanceof ArrayClass ? srcIn : array(srcIn);
    if (mask === true) {
      assign(dst, from);
      return;
    }
    // Masked: the source cast to dst's dtype at dst's shape (a copy, so an
    // overlapping source is read as it was), put where the mask holds (fuzz seed 10121093).
    const full = allocate(dst.dtype, [...dst.shape]);
    assign(full, from);
    putmask(dst, broadcastTo(mask, dst.shape), full);
    return;
  }
  if (srcIn instanceof ArrayClass) {
    // An array casts as astype casts (NumPy's casts: float to int out of range as x86-64 stores it),
    // then lands unchanged: without a mask `dst[...] = src`; with one, a cast copy of src
    // (no overlap left to mind) through the masked copy loop.
    if (mask === true) {
      assign(dst, srcIn);
      return;
    }
    callUfunc(COPY_SPEC, [srcIn.astype(dst.dtype)], { out: dst, where: mask });
    return;
  }
  // A scalar converts once to dst's type (a Python int out of an int dst's range: OverflowError).
  callUfunc(COPY_SPEC, [srcIn], { out: dst, where: mask === true ? null : mask, casting: 'unsafe', dtype: dst.dtype.isnative ? dst.dtype : dst.dtype.newbyteorder('=') });
}
