/**
 * NumPy's `linalg.cond(x, p=None)`: the condition number of each matrix of a
 * stack (..., M, N), as numpy/linalg/_linalg.py computes it: for p null, 2
 * or -2 the ratio of the extreme singular values (any M, N); for the other
 * orders ('fro', 'nuc', ±1, ±Infinity; square only) `norm(x, p) · norm(inv(x), p)`,
 * where a singular matrix's inverse is NaN. A NaN result becomes Infinity
 * unless that matrix itself holds a NaN (NumPy's rule).
 * @module
 */
import type { NdArray } from './ndarray';
import type { DType } from './dtype';
import { LinAlgError } from './errors';
import { allocateOrdered, kOrder } from './compute-values';
import { copyto } from './copyto';
import { ndindex } from './ndindex';
import { assertStackedSquare, commonType, inv, linalgOperand, toResult } from './linalg-solve';
import { realDType } from './linalg-eigh';
import { svd } from './linalg-svd';
import { norm, type NormOrd } from './linalg-norm';
import { any } from './reduce-axis';
import { divide, multiply } from './ufuncs/arith';
import { isnan } from './ufuncs/math';
import { logicalAnd, logicalNot } from './ufuncs/compare';
import { ellipsis } from './indexing';

/**
 * NumPy's `linalg.cond(x, p=None)`.
 *
 * @example
 * linalg.cond(asarray([[1, 0], [0, 1e-3]])).get(); // 1000 (to rounding)
 * @throws LinAlgError "cond is not defined on empty arrays", a non-square matrix for the norm orders;
 *   ValueError for an invalid p (norm's).
 */
export function cond(x: unknown, p: NormOrd = null): NdArray {
  const a = linalgOperand(x, 'cond', 'x');
  if (a.size === 0 && a.ndim >= 2 && a.shape[a.ndim - 1] * a.shape[a.ndim - 2] === 0) {
    throw new LinAlgError('cond is not defined on empty arrays');
  }
  let r: NdArray;
  if (p === null || p === 2 || p === -2) {
    const s = svd(a, { computeUv: false });
    const first = s.index(ellipsis, 0);
    const last = s.index(ellipsis, -1);
    r = p === -2 ? divide(last, first) : divide(first, last);
  } else {
    assertStackedSquare(a);
    const types = commonType('inv', a);
    const invx = invOrNan(a, types.result);
    r = toResult(multiply(norm(a, { ord: p, axis: [-2, -1] }), norm(invx, { ord: p, axis: [-2, -1] })), realDType(types.result));
  }
  // NaN becomes inf in place (NumPy's r[nan_mask] = inf), unless a had NaN items.
  const nanMask = logicalAnd(isnan(r), logicalNot(any(isnan(a), [-2, -1])));
  copyto(r, Infinity, { where: nanMask });
  return r;
}

/** inv of each matrix of `a` (in `dt`), NaN for the singular ones (NumPy's inv gufunc with errors ignored). */
function invOrNan(a: NdArray, dt: DType): NdArray {
  try {
    return inv(a);
  } catch (e) {
    if (!(e instanceof LinAlgError)) throw e;
  }
  // Laid out as the gufunc lays out inv's result: the stack's axes in a's
  // memory order ('K'), each matrix C-ordered (fuzz seed 11984069: cond's
  // product of norms then follows a's order, as NumPy's).
  const loop = a.shape.slice(0, -2);
  const out = allocateOrdered(dt, a.shape, [...kOrder(loop, a.strides.slice(0, -2)), a.ndim - 2, a.ndim - 1]);
  for (const at of ndindex(loop)) {
    let one: NdArray | number = NaN;
    try {
      one = inv(a.index(...at));
    } catch (e) {
      if (!(e instanceof LinAlgError)) throw e;
    }
    out.index(...at).set(one);
  }
  return out;
}
