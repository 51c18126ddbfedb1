/**
 * `where(condition, x, y)`: NumPy's three-argument `np.where`, elements of
 * `x` where the condition is true (non-zero; NaN counts as true) and of `y`
 * elsewhere, all broadcast together. The result dtype is `resultType(x, y)`
 * and Python scalars are cast to it unsafely, as NumPy does
 * (`where(c, int8Array, 1000)` stores -24). Bytes ('S') and record arrays,
 * which have no ufunc loop, are selected item by item (`whereFlexible`).
 * @module
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { NdArray } from '../ndarray';
import { NdArray as ArrayClass } from '../internal';
import { broadcastShape } from '../broadcast';
import { BOOL, isNonZero } from '../compute-values';
import { nonzero, putmask } from '../fancy';
import { asarray } from '../array-coerce';
import { ValueError, iteratorCastError } from '../errors';
import { broadcastTo } from '../views';
import { canCast, resultType } from '../promote';
import { inspect } from 'util';
import { allocateLike, callUfunc, type AnyLoop, type UfuncInput, type UfuncSpec } from '../ufunc';
import { ALL } from './types';
import { family } from './family';

type X = any;
type L3 = (n: number, c: X, ci: number, cs: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number) => void;

const PICK: L3 = (n, c, ci, cs, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ci += cs, ai += as, bi += bs, oi += os) o[oi] = c[ci] !== 0 ? a[ai] : b[bi];
};
const PICK_C: L3 = (n, c, ci, cs, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ci += cs, ai += as, bi += bs, oi += os) {
    if (c[ci] !== 0) {
      o[oi] = a[ai];
      o[oi + 1] = a[ai + 1];
    } else {
      o[oi] = b[bi];
      o[oi + 1] = b[bi + 1];
    }
  }
};

export const WHERE_SPEC: UfuncSpec = {
  name: 'where',
  nin: 3,
  types: ALL,
  conditionFirst: true,
  scalarCast: 'wrap',
  loop: (r) => (family(r.inTypes[1]) === 'c' ? PICK_C : PICK) as AnyLoop,
};

/**
 * NumPy's `np.where(condition, x, y)`: a new array (see the module comment).
 * With the condition alone, NumPy's `np.where(condition)`: `nonzero(condition)`,
 * one int64 array of positions per axis; one of `x`/`y` without the other is
 * NumPy's ValueError.
 */
export function where(condition: UfuncInput | unknown[]): NdArray[];
export function where(condition: UfuncInput, x: UfuncInput, y: UfuncInput): NdArray;
export function where(condition: UfuncInput | unknown[], x?: UfuncInput, y?: UfuncInput): NdArray | NdArray[] {
  if (x === undefined && y === undefined && arguments.length <= 1) return nonzero(condition instanceof ArrayClass ? condition : asarray(condition));
  if (arguments.length < 3) throw new ValueError('either both or neither of x and y should be given');
  // Records or bytes beside numbers: NumPy's result_type(x, y) has no common
  // DType (DTypePromotionError, naming x's DType first), before any loop is looked for.
  if (flexible(x!) !== flexible(y!)) resultType(x as never, y as never);
  // A bytes, void or one-field record condition is cast to bool first, as
  // NumPy's iterator does (b'' is false); a record of several fields has no such cast.
  if (condition instanceof ArrayClass && flexible(condition)) condition = boolCondition(condition);
  if (flexible(x!) && flexible(y!)) return whereFlexible(condition as UfuncInput, x as NdArray, y as NdArray);
  return callUfunc(WHERE_SPEC, [condition as UfuncInput, x!, y!]);
}

function boolCondition(c: NdArray): NdArray {
  if (!canCast(c.dtype, BOOL, 'unsafe')) {
    throw iteratorCastError(1, inspect(c.dtype), "dtype('bool')", 'unsafe');
  }
  return c.astype(BOOL);
}

/** Bytes ('S') and void/record arrays, which have no ufunc loop. */
const flexible = (v: UfuncInput): boolean => v instanceof ArrayClass && (v.dtype.kind === 'S' || v.dtype.kind === 'V');

/**
 * where() of two bytes or void arrays (NumPy's np.where takes any dtype):
 * `y` cast to `resultType(x, y)` (the longer bytes; equal records), then
 * `x`'s items put where the condition holds, all broadcast together. A
 * shorter bytes item is padded with NULs, as NumPy pads (gh-4778).
 */
function whereFlexible(condition: UfuncInput, x: NdArray, y: NdArray): NdArray {
  const dt = resultType(x, y);
  const c = condition instanceof ArrayClass ? condition : null;
  if (c === null && typeof condition !== 'boolean' && typeof condition !== 'number' && typeof condition !== 'bigint') {
    throw new TypeError(`where(): the condition must be an NdArray, a boolean or a number, got ${typeof condition}`);
  }
  const shape = broadcastShape([[...(c?.shape ?? [])], [...x.shape], [...y.shape]]);
  const as = (v: NdArray): NdArray => broadcastTo(v.dtype.equals(dt) ? v : v.astype(dt), shape);
  // Laid out as nditer allocates a ufunc's output: 'K' order of the operands
  // (negative strides flipped), as NumPy's where does for any dtype (np.triu
  // of a records view with negative strides; fuzz seed 9351956).
  const like = [...(c === null ? [] : [c]), x, y].map((v) => [...broadcastTo(v, shape).strides]);
  const r = allocateLike(dt, shape, like);
  r.set(as(y) as never);
  if (c === null) {
    if (isNonZero(condition)) r.set(as(x) as never);
    return r;
  }
  putmask(r, broadcastTo(c, shape), as(x).copy());
  return r;
}
