/**
 * Bitwise ufuncs on bools and integers: `bitwiseAnd bitwiseOr bitwiseXor
 * invert leftShift rightShift`. Shifting by the bit width or more, or by a
 * negative count, gives 0 (left, and right of a non-negative value) or -1
 * (right of a negative value), as NumPy's `npy_lshift`/`npy_rshift`.
 * @module
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { NdArray } from '../ndarray';
import { callUfunc, type AnyLoop, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { INTS, T } from './types';
import { family } from './family';

type X = any;
type L2 = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number) => void;
type L1 = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number) => void;

const AND: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] & b[bi];
};
const OR: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] | b[bi];
};
const XOR: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] ^ b[bi];
};
// Bools in memory may hold any non-zero byte for true.
const AND_B: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0;
};
const OR_B: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] !== 0 || b[bi] !== 0 ? 1 : 0;
};
const XOR_B: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = (a[ai] !== 0) !== (b[bi] !== 0) ? 1 : 0;
};
const INVERT: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = ~a[ai];
};
const INVERT_B: L1 = (n, a, ai, as, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai] !== 0 ? 0 : 1;
};

function lshift(bits: number): L2 {
  return (n, a, ai, as, b, bi, bs, o, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
      const y = b[bi];
      o[oi] = y >= 0 && y < bits ? a[ai] << y : 0;
    }
  };
}
function rshift(bits: number, unsigned: boolean): L2 {
  return (n, a, ai, as, b, bi, bs, o, oi, os) => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
      const x = a[ai];
      const y = b[bi];
      o[oi] = y >= 0 && y < bits ? (unsigned ? x >>> y : x >> y) : x < 0 ? -1 : 0;
    }
  };
}
const LSHIFT_BIG: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const y: bigint = b[bi];
    o[oi] = y >= 0n && y < 64n ? (a[ai] as bigint) << y : 0n;
  }
};
const RSHIFT_BIG: L2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const x: bigint = a[ai];
    const y: bigint = b[bi];
    o[oi] = y >= 0n && y < 64n ? x >> y : x < 0n ? -1n : 0n;
  }
};

const BOOL_INTS = [T.b, ...INTS];

function bitwise(name: string, ints: L2, bools: L2): UfuncSpec {
  return { name, nin: 2, types: BOOL_INTS, loop: (r) => (family(r.inTypes[0]) === 'b' ? bools : ints) as AnyLoop };
}
export const BITWISE_AND = bitwise('bitwise_and', AND, AND_B);
export const BITWISE_OR = bitwise('bitwise_or', OR, OR_B);
export const BITWISE_XOR = bitwise('bitwise_xor', XOR, XOR_B);
export const INVERT_SPEC: UfuncSpec = { name: 'invert', nin: 1, types: BOOL_INTS, loop: (r) => (family(r.inTypes[0]) === 'b' ? INVERT_B : INVERT) as AnyLoop };
export const LEFT_SHIFT: UfuncSpec = {
  name: 'left_shift',
  nin: 2,
  types: INTS,
  loop: (r) => (r.inTypes[0].itemsize === 8 ? LSHIFT_BIG : lshift(r.inTypes[0].itemsize * 8)) as AnyLoop,
};
export const RIGHT_SHIFT: UfuncSpec = {
  name: 'right_shift',
  nin: 2,
  types: INTS,
  loop: (r) => {
    const t = r.inTypes[0];
    return (t.itemsize === 8 ? RSHIFT_BIG : rshift(t.itemsize * 8, t.kind === 'u')) as AnyLoop;
  },
};

/** NumPy's `np.bitwise_and(x1, x2)` (`&`) of bools and integers. */
export function bitwiseAnd(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(BITWISE_AND, [x1, x2], options);
}
/** NumPy's `np.bitwise_or(x1, x2)` (`|`). */
export function bitwiseOr(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(BITWISE_OR, [x1, x2], options);
}
/** NumPy's `np.bitwise_xor(x1, x2)` (`^`). */
export function bitwiseXor(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(BITWISE_XOR, [x1, x2], options);
}
/** NumPy's `np.invert(x)` (`~`): logical not for bools. */
export function invert(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(INVERT_SPEC, [x], options);
}
/** NumPy's `np.left_shift(x1, x2)` (`<<`). */
export function leftShift(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(LEFT_SHIFT, [x1, x2], options);
}
/** NumPy's `np.right_shift(x1, x2)` (`>>`, arithmetic for signed ints). */
export function rightShift(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(RIGHT_SHIFT, [x1, x2], options);
}
