/**
 * NumPy's `ufunc.outer(A, B)` for the binary ufuncs: `subtractOuter(a, b)`
 * is `np.subtract.outer(a, b)`, `lessOuter(x, edges)` is
 * `np.less.outer(x, edges)`, and so on: op applied to every pair of an item
 * of `a` and an item of `b`, the result of shape `a.shape + b.shape`
 * (pairwise differences, distance tables, comparison grids).
 *
 * As NumPy: both inputs become arrays first (a JS number is an int64 or
 * float64 array, not a weak scalar: `addOuter(int8s, 300)` is int64), `a`
 * gains `b.ndim` trailing axes of length 1 (a view), and the ufunc runs with
 * the options (`out`, `where`, `dtype`, `casting`…): the same values, dtype,
 * layout and errors as that call.
 * @module
 */
import { asarray } from '../array-coerce';
import { NdArray as ArrayClass } from '../internal';
import { ValueError } from '../errors';
import { MAXDIMS } from '../layout';
import type { NdArray } from '../ndarray';
import type { UfuncInput, UfuncOptions } from '../ufunc';
import { add, divide, floorDivide, maximum, minimum, multiply, power, remainder, subtract } from './arith';
import { fmax, fmin } from './arith2';
import { bitwiseAnd, bitwiseOr, bitwiseXor, leftShift, rightShift } from './bitwise';
import { equal, greater, greaterEqual, less, lessEqual, logicalAnd, logicalOr, logicalXor, notEqual } from './compare';
import { logaddexp } from './explog';
import { arctan2, hypot } from './trig';

/** A binary ufunc as this library exports it. */
type Binary = (x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions) => NdArray;

/** The `outer` method of binary ufunc `op`. */
export function outerOf(op: Binary, name: string): (a: UfuncInput, b: UfuncInput, options?: UfuncOptions) => NdArray {
  return (a, b, options) => {
    const x = a instanceof ArrayClass ? a : asarray(a as never);
    const y = b instanceof ArrayClass ? b : asarray(b as never);
    const ndim = x.ndim + y.ndim;
    if (ndim > MAXDIMS) throw new ValueError(`maximum supported dimension for an ndarray is ${MAXDIMS}, but \`${name}.outer()\` result would have ${ndim}.`);
    return op(x.reshape([...x.shape, ...new Array<number>(y.ndim).fill(1)]), y, options);
  };
}

/** NumPy's `np.add.outer(a, b)`: `a[i…] + b[j…]` of every pair, shape `a.shape + b.shape`. */
export const addOuter = outerOf(add, 'add');
/** NumPy's `np.subtract.outer(a, b)`: `a[i…] - b[j…]` of every pair (pairwise differences). */
export const subtractOuter = outerOf(subtract, 'subtract');
/** NumPy's `np.multiply.outer(a, b)`: `a[i…] * b[j…]` of every pair (np.outer without the ravel). */
export const multiplyOuter = outerOf(multiply, 'multiply');
/** NumPy's `np.divide.outer(a, b)`: `a[i…] / b[j…]` of every pair. */
export const divideOuter = outerOf(divide, 'divide');
/** NumPy's `np.floor_divide.outer(a, b)`. */
export const floorDivideOuter = outerOf(floorDivide, 'floor_divide');
/** NumPy's `np.remainder.outer(a, b)`. */
export const remainderOuter = outerOf(remainder, 'remainder');
/** NumPy's `np.power.outer(a, b)`: every item of `a` to every power in `b`. */
export const powerOuter = outerOf(power, 'power');
/** NumPy's `np.minimum.outer(a, b)`. */
export const minimumOuter = outerOf(minimum, 'minimum');
/** NumPy's `np.maximum.outer(a, b)`. */
export const maximumOuter = outerOf(maximum, 'maximum');
/** NumPy's `np.fmin.outer(a, b)`. */
export const fminOuter = outerOf(fmin, 'fmin');
/** NumPy's `np.fmax.outer(a, b)`. */
export const fmaxOuter = outerOf(fmax, 'fmax');
/** NumPy's `np.equal.outer(a, b)`: a bool table of every pair (one-hot: `equalOuter(labels, classes)`). */
export const equalOuter = outerOf(equal, 'equal');
/** NumPy's `np.not_equal.outer(a, b)`. */
export const notEqualOuter = outerOf(notEqual, 'not_equal');
/** NumPy's `np.less.outer(a, b)`. */
export const lessOuter = outerOf(less, 'less');
/** NumPy's `np.less_equal.outer(a, b)`. */
export const lessEqualOuter = outerOf(lessEqual, 'less_equal');
/** NumPy's `np.greater.outer(a, b)`. */
export const greaterOuter = outerOf(greater, 'greater');
/** NumPy's `np.greater_equal.outer(a, b)`. */
export const greaterEqualOuter = outerOf(greaterEqual, 'greater_equal');
/** NumPy's `np.logical_and.outer(a, b)`. */
export const logicalAndOuter = outerOf(logicalAnd, 'logical_and');
/** NumPy's `np.logical_or.outer(a, b)`. */
export const logicalOrOuter = outerOf(logicalOr, 'logical_or');
/** NumPy's `np.logical_xor.outer(a, b)`. */
export const logicalXorOuter = outerOf(logicalXor, 'logical_xor');
/** NumPy's `np.bitwise_and.outer(a, b)`. */
export const bitwiseAndOuter = outerOf(bitwiseAnd, 'bitwise_and');
/** NumPy's `np.bitwise_or.outer(a, b)`. */
export const bitwiseOrOuter = outerOf(bitwiseOr, 'bitwise_or');
/** NumPy's `np.bitwise_xor.outer(a, b)`. */
export const bitwiseXorOuter = outerOf(bitwiseXor, 'bitwise_xor');
/** NumPy's `np.left_shift.outer(a, b)`. */
export const leftShiftOuter = outerOf(leftShift, 'left_shift');
/** NumPy's `np.right_shift.outer(a, b)`. */
export const rightShiftOuter = outerOf(rightShift, 'right_shift');
/** NumPy's `np.hypot.outer(a, b)`: the distance of every pair of coordinates. */
export const hypotOuter = outerOf(hypot, 'hypot');
/** NumPy's `np.arctan2.outer(a, b)`. */
export const arctan2Outer = outerOf(arctan2, 'arctan2');
/** NumPy's `np.logaddexp.outer(a, b)`. */
export const logaddexpOuter = outerOf(logaddexp, 'logaddexp');
