/**
 * NumPy's `real_if_close` and `sort_complex` (`numpy/lib/_type_check_impl.py`,
 * `_function_base_impl.py`): the two functions that move an array between
 * real and complex dtypes by rule.
 *
 * - `realIfClose(a, tol=100)`: a complex `a` whose every imaginary part is
 *   below `tol` (in machine epsilons of its float type when `tol > 1`, else
 *   absolute) comes back as its real part, a view (NumPy's `a.real`);
 *   anything else comes back as `a` itself.
 * - `sortComplex(a)`: a sorted copy (last axis) cast to complex: int8,
 *   int16, uint8, uint16 to complex64, other real dtypes to complex128,
 *   complex kept.
 * @module
 */
import { asarray } from './array-coerce';
import { repr } from './errors';
import { NdArray as ArrayClass, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { all } from './reduce-axis';
import { sort } from './sort';
import { absolute } from './ufuncs/arith';
import { less } from './ufuncs/compare';

function arrayOf(v: unknown): NdArray {
  if (v instanceof ArrayClass) {
    requireOpen(v);
    return v;
  }
  return asarray(v as never);
}

/**
 * NumPy's `np.real_if_close(a, tol=100)`: the real part of a complex `a`
 * (a view) when all its imaginary parts are within `tol` of 0 (`tol > 1`:
 * that many machine epsilons of `a`'s float type); otherwise `a`.
 *
 * @example
 * realIfClose(array([{ re: 2.1, im: 4e-14 }, { re: 5.2, im: 3e-15 }]), 1000).toArray(); // [2.1, 5.2]
 * realIfClose(array([{ re: 2.1, im: 4e-13 }]), 1000).dtype.str; // '<c16' (4e-13 > 1000 eps)
 * @throws TypeError when `tol` is not a number
 */
export function realIfClose(a: NdArray | readonly unknown[], tol = 100): NdArray {
  if (typeof tol !== 'number') throw new TypeError(`realIfClose(): tol must be a number, got ${repr(tol)}`);
  const x = arrayOf(a);
  if (x.dtype.kind !== 'c') return x;
  const eps = x.itemsize === 8 ? 2 ** -23 : 2 ** -52;
  const t = tol > 1 ? eps * tol : tol;
  return all(less(absolute(x.imag), t)).get() === true ? x.real : x;
}

/**
 * NumPy's `np.sort_complex(a)`: `a` sorted along its last axis (real part
 * first, then imaginary), as a complex array.
 *
 * @example
 * sortComplex([5, 3, 6, 2, 1]).toArray(); // [{ re: 1, im: 0 }, { re: 2, im: 0 }, …]
 * @throws AxisError for a 0-d `a` (sort's)
 */
export function sortComplex(a: NdArray | readonly unknown[]): NdArray {
  const b = sort(arrayOf(a));
  if (b.dtype.kind === 'c') return b;
  const small = (b.dtype.kind === 'i' || b.dtype.kind === 'u') && b.itemsize <= 2;
  return b.astype(small ? '<c8' : '<c16');
}
